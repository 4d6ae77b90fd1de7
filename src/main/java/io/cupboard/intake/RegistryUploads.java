package io.cupboard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.cupboard.identity.CurrentUser;
import io.cupboard.intake.file.FileFormat;
import io.cupboard.intake.file.FileInspector;
import io.cupboard.intake.file.LeadFiles;
import io.cupboard.lead.DoNotCallRegistry;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads an uploaded extract of the national do-not-call registry (CSV, text or XLSX, one number in
 * the first column of each record, with or without a header) and loads it into the
 * {@link DoNotCallRegistry} in one transaction.
 */
@Service
public class RegistryUploads {

    private static final int BATCH = 1000;

    private final DoNotCallRegistry registry;

    RegistryUploads(DoNotCallRegistry registry) {
        this.registry = registry;
    }

    /**
     * Loads a file as the extract of the given date.
     *
     * @throws io.cupboard.intake.file.UnreadableFileException when the file cannot be read
     * @throws io.cupboard.lead.LeadRuleException when the date is older than the current extract's
     */
    @Transactional
    public DoNotCallRegistry.LoadResult upload(LocalDate extractedOn, String fileName, InputStreamSource file, CurrentUser user)
            throws IOException {
        byte[] sample;
        boolean complete;
        try (InputStream head = file.getInputStream()) {
            byte[] read = head.readNBytes(FileInspector.SAMPLE_SIZE + 1);
            complete = read.length <= FileInspector.SAMPLE_SIZE;
            sample = complete ? read : Arrays.copyOf(read, FileInspector.SAMPLE_SIZE);
        }
        FileFormat format = FileInspector.inspect(sample, complete, fileName);
        String checksum;
        try (InputStream input = file.getInputStream()) {
            checksum = IntakeAdmissions.sha256Hex(input);
        }
        long extractId = registry.beginExtract(extractedOn, fileName == null ? "registry" : fileName, checksum, user.id());
        List<String> numbers = new ArrayList<>(BATCH);
        int[] invalid = {0};
        try (InputStream input = file.getInputStream()) {
            LeadFiles.read(input, format, record -> {
                if (!record.isBlank()) {
                    numbers.add(record.value(0));
                }
                if (numbers.size() >= BATCH) {
                    invalid[0] += registry.addNumbers(extractId, numbers);
                    numbers.clear();
                }
                return true;
            });
        }
        invalid[0] += registry.addNumbers(extractId, numbers);
        return registry.finishExtract(extractId, invalid[0], user.id());
    }
}
