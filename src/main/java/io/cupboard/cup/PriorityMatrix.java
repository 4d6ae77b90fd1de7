package io.cupboard.cup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cupboard.lead.LeadStatus;
import io.cupboard.lead.LeadType;
import io.cupboard.lead.StatusCatalog;
import io.cupboard.lead.TaskType;
import io.cupboard.workday.SegmentFocus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's type × status priority matrix that orders overdue and due-today work in the CUP.
 */
@Service
public class PriorityMatrix {

    public static final int MAX_RANK = 999;

    private static final Logger log = LoggerFactory.getLogger(PriorityMatrix.class);

    private final JdbcClient jdbc;
    private final StatusCatalog catalog;
    private final CupProperties properties;

    PriorityMatrix(JdbcClient jdbc, StatusCatalog catalog, CupProperties properties) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** One cell: the rank of a lead type in an open status; {@code own} is false when it falls back to the status's rank. */
    public record Cell(LeadType type, LeadStatus status, int rank, boolean own) {
    }

    /** Returns every cell of the matrix for the active open statuses, by status then type. */
    @Transactional(readOnly = true)
    public List<Cell> cells() {
        Map<String, Integer> ranks = new java.util.HashMap<>();
        jdbc.sql("select lead_type, status_id, rank from priority_rule")
                .query(row -> {
                    ranks.put(row.getString(1) + ":" + row.getLong(2), row.getInt(3));
                });
        List<Cell> cells = new ArrayList<>();
        for (LeadStatus status : catalog.statuses()) {
            if (!status.isOpen() || !status.isActive()) {
                continue;
            }
            for (LeadType type : LeadType.values()) {
                Integer own = ranks.get(type.name() + ":" + status.getId());
                cells.add(new Cell(type, status, own == null ? status.getPriorityRank() : own, own != null));
            }
        }
        return cells;
    }

    /**
     * Sets the rank of each given cell, keyed "TYPE:statusId".
     *
     * @throws PriorityRejectedException when a rank is outside 0–999 or a key names no open status
     */
    @Transactional
    public void update(Map<String, Integer> ranksByCell) {
        Map<Long, LeadStatus> statuses = catalog.statusesById();
        for (Map.Entry<String, Integer> entry : ranksByCell.entrySet()) {
            String[] key = entry.getKey().split(":");
            LeadType type = LeadType.valueOf(key[0]);
            LeadStatus status = statuses.get(Long.parseLong(key[1]));
            Integer rank = entry.getValue();
            if (status == null || !status.isOpen()) {
                throw new PriorityRejectedException("priority.error.status", "No open status " + key[1]);
            }
            if (rank == null || rank < 0 || rank > MAX_RANK) {
                throw new PriorityRejectedException("priority.error.range", "Rank " + rank + " is out of range", MAX_RANK,
                        status.getNameHe(), type.name());
            }
            jdbc.sql("""
                            insert into priority_rule (lead_type, status_id, rank) values (?, ?, ?)
                            on conflict (lead_type, status_id) do update set rank = excluded.rank, version = priority_rule.version + 1
                            """)
                    .params(type.name(), status.getId(), rank).update();
        }
        log.info("Updated {} cells of the priority matrix", ranksByCell.size());
    }

    /**
     * Orders the cells as overdue or due-today work of each kind would come in the CUP during a
     * segment with the given focus (or none), for the admin's preview. A status's task type decides
     * whether the segment lifts it.
     */
    @Transactional(readOnly = true)
    public List<Cell> preview(SegmentFocus focus) {
        Set<TaskType> lifted = focus == null ? Set.of() : focus.taskTypes();
        return cells().stream()
                .map(cell -> new Cell(cell.type(), cell.status(),
                        cell.rank() - (lifted.contains(cell.status().getTaskType()) ? properties.segmentLift() : 0), cell.own()))
                .sorted(Comparator.comparingInt(Cell::rank).thenComparing(cell -> cell.status().getSortOrder())
                        .thenComparing(Cell::type))
                .toList();
    }
}
