package io.cupboard.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.cupboard.identity.Role;
import io.cupboard.identity.User;
import io.cupboard.intake.IntakeSource;
import io.cupboard.intake.IntakeSources;
import io.cupboard.support.Browser;
import io.cupboard.support.BrowserTest;
import io.cupboard.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class ImportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    IntakeSources sources;

    @Test
    void teamLeadImportsHebrewExcelFile() throws IOException {
        IntakeSource source = sources.create(Fixtures.unique("excel"), "אקסל " + Fixtures.unique("קובץ"), IntakeSource.Direction.INBOUND,
                null);
        User teamLead = fixtures.user(Role.TEAM_LEAD, fixtures.team());
        Path file = sampleFile("leads_excel_1255.csv");
        try (Browser browser = Browser.open(port)) {
            browser.logIn(teamLead.getUsername(), Fixtures.PASSWORD);
            browser.find("a[href='/intake']").click();
            new Select(browser.find("#sourceId")).selectByValue(String.valueOf(source.id()));
            browser.find("#file").sendKeys(file.toAbsolutePath().toString());
            browser.find("#upload-submit").click();

            browser.await(driver -> driver.findElement(By.id("mapping-page")).isDisplayed());
            assertThat(new Select(browser.find("#column-PHONE")).getFirstSelectedOption().getText()).isEqualTo("טלפון");
            assertThat(new Select(browser.find("#column-FIRST_NAME")).getFirstSelectedOption().getText()).isEqualTo("שם פרטי");
            assertThat(browser.driver().findElements(By.cssSelector(".preview-row"))).hasSize(4);
            assertThat(browser.find(".preview-row[data-record='4']").getAttribute("data-fate")).isEqualTo("REJECTED");
            assertThat(browser.find(".preview-row[data-record='2'] td:nth-child(6)").getText()).isEqualTo("אשדוד");

            new Select(browser.find("#column-CITY")).selectByValue("-1");
            browser.await(driver -> driver.findElement(By.cssSelector(".preview-row[data-record='2'] td:nth-child(6)")).getText().isEmpty());
            new Select(browser.find("#column-CITY")).selectByVisibleText("עיר");
            browser.await(driver -> driver.findElement(By.cssSelector(".preview-row[data-record='2'] td:nth-child(6)")).getText()
                    .equals("אשדוד"));
            browser.screenshot("import-mapping-he");

            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                    browser.find("#start-import"));
            browser.find("#start-import").click();
            browser.await(driver -> driver.findElement(By.id("batch-status")).getText().equals("הסתיים"));
            assertThat(browser.find("#progress-bar").getAttribute("value")).isEqualTo("4");
            assertThat(browser.find("#progress-bar").getAttribute("max")).isEqualTo("4");
            assertThat(browser.find("[data-count='rejected']").getText()).isEqualTo("1");
            assertThat(browser.find(".problem-row[data-record='4']").getText()).contains("טלפון");
            browser.screenshot("import-batch-he");

            String href = browser.find("#download-rejected").getAttribute("href");
            Object download = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(function (r) { return r.text(); }).then(done);", href);
            // fetch's text() drops the byte order mark; ImportWebTest checks it.
            assertThat((String) download).startsWith("שם פרטי,שם משפחה,טלפון,אימייל,עיר,הערות,סיבת הדחייה")
                    .contains("פנינה,רביבו,9.72523E+11,pnina.r@example.com,טבריה,,");
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Path sampleFile(String name) throws IOException {
        Files.createDirectories(Path.of("target"));
        Path file = Files.createTempFile(Path.of("target"), "upload-", "-" + name);
        try (InputStream input = ImportBrowserTest.class.getResourceAsStream("/samples/" + name)) {
            Files.copy(input, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    @Test
    void adminOpensApiDocumentation() {
        User admin = fixtures.user(Role.ADMIN, null);
        try (Browser browser = Browser.open(port)) {
            browser.logIn(admin.getUsername(), Fixtures.PASSWORD);
            browser.find("#admin-intake a[href='/swagger-ui/index.html']").click();

            browser.await(driver -> !driver.findElements(By.cssSelector(".opblock-post")).isEmpty());
            assertThat(browser.find(".opblock-post .opblock-summary-path").getText()).contains("/api/v1/leads");
            browser.screenshot("api-docs");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
