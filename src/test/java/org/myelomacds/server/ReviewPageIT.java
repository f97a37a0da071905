package org.myelomacds.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.myelomacds.engine.CompileMode;
import org.myelomacds.facts.Jurisdiction;
import org.myelomacds.scenario.Samples;
import org.myelomacds.server.security.ClientAuthenticator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case-review page in real headless Chromium (Debian's chromium and chromium-driver, installed by
 * scripts/install-browser.sh before the integration tests): upload a sample bundle, read the ranked list and a
 * why-not explanation, expand a line, switch regimen and jurisdiction. Screenshots go to target/screenshots/.
 */
class ReviewPageIT {
    private static final Path SCREENSHOTS = Samples.projectDir().resolve("target/screenshots");
    private static CdsServer server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        server = CdsServerTest.startServer(ServerConfig.defaults(), ClientAuthenticator.disabled(), new InMemoryFeedbackStore());
        profile = Files.createTempDirectory("review-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1366,1800");
        // The driver is named explicitly so Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.close();
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static WebDriverWait waitUpTo(int seconds) { return new WebDriverWait(browser, Duration.ofSeconds(seconds)); }

    private static void screenshot(String name) throws Exception {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every regimen button on one line, none cut off or scrolled out of the bar. */
    private static void assertRegimenBarIsOneRow() {
        WebElement bar = browser.findElement(By.id("regimens"));
        List<WebElement> buttons = bar.findElements(By.tagName("button"));
        assertTrue(buttons.size() > 2, "regimen buttons: " + buttons.size());
        int top = buttons.get(0).getLocation().getY();
        for (WebElement b : buttons) assertEquals(top, b.getLocation().getY(), "one row: " + b.getText());
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "var e = arguments[0]; return e.scrollWidth - e.clientWidth;", bar);
        assertEquals(0L, ((Number) overflow).longValue(), "nothing hidden to the side of the bar");
        assertTrue(bar.getSize().getHeight() < 2 * buttons.get(0).getSize().getHeight() + 16, "bar height " + bar.getSize());
    }

    /**
     * On a phone (390 px) the page does not scroll sideways, every regimen button is on screen and works, and the
     * sticky bar takes less than a fifth of the window.
     */
    private static void assertRegimenBarUsableOnAPhone() throws Exception {
        org.openqa.selenium.Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            waitUpTo(5).until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() <= 390);
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long pageOverflow = ((Number) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            assertEquals(0L, pageOverflow, "the page does not scroll sideways at 390 px");
            WebElement bar = browser.findElement(By.id("regimens"));
            long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
            for (WebElement b : bar.findElements(By.tagName("button"))) {
                long right = ((Number) js.executeScript("return arguments[0].getBoundingClientRect().right;", b)).longValue();
                assertTrue(right <= innerWidth, b.getText() + " is on screen (right edge " + right + " of " + innerWidth + ")");
            }
            assertTrue(bar.getSize().getHeight() * 5 < innerHeight, "bar height " + bar.getSize().getHeight() + " of " + innerHeight);
            // the report's wide tables are one block per row on a phone: each cell as wide as the report, its
            // column's name in front, and nothing to scroll sideways inside the report either
            long reportOverflow = ((Number) js.executeScript(
                    "var e = document.getElementById('report'); return e.scrollWidth - e.clientWidth;")).longValue();
            assertEquals(0L, reportOverflow, () -> "the report does not scroll sideways at 390 px; too wide: " + js.executeScript(
                    "var r = document.getElementById('report').getBoundingClientRect().right, out = [];"
                    + "document.querySelectorAll('#report *').forEach(function (e) {"
                    + "  var b = e.getBoundingClientRect(); if (b.right > r + 1 && out.length < 8)"
                    + "    out.push(e.tagName + ' ' + Math.round(b.right) + ' ' + (e.textContent || '').slice(0, 40)); });"
                    + "return out.join(' | ');"));
            List<WebElement> regimenCells = browser.findElements(By.cssSelector("#report table.board-options td[data-label='Regimen']"));
            assertFalse(regimenCells.isEmpty(), "the board sheet lists options");
            long reportWidth = ((Number) js.executeScript("return document.querySelector('#report article').clientWidth;")).longValue();
            for (WebElement cell : regimenCells) {
                assertTrue(cell.getSize().getWidth() * 10 >= reportWidth * 8,
                        "a regimen cell takes the report's width on a phone: " + cell.getSize().getWidth() + " of " + reportWidth);
                String label = (String) js.executeScript(
                        "return window.getComputedStyle(arguments[0], '::before').getPropertyValue('content');", cell);
                assertTrue(label.contains("Regimen"), "the cell names its column: " + label);
            }
            WebElement all = bar.findElement(By.cssSelector("button[data-regimen='']"));
            js.executeScript("arguments[0].scrollIntoView()", bar);
            all.click();
            assertEquals("true", all.getAttribute("aria-pressed"));
            // what the phone shows there is the options table itself, not the controls panel stuck over it
            WebElement firstRegimen = browser.findElement(By.cssSelector("#report table.board-options td[data-label='Regimen']"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", firstRegimen);
            File phone = browser.getScreenshotAs(OutputType.FILE);
            Files.copy(phone.toPath(), SCREENSHOTS.resolve("review-page-phone.png"), StandardCopyOption.REPLACE_EXISTING);
            Object onTop = js.executeScript("var b = arguments[0].getBoundingClientRect();"
                    + "var e = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);"
                    + "return e === null ? 'nothing' : arguments[0].contains(e) ? 'cell' : e.tagName + '#' + e.id + '.' + e.className;", firstRegimen);
            assertEquals("cell", onTop, "the first option's cell is visible, not covered");
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    @Test
    void uploadReadSwitchRegimenAndJurisdiction() throws Exception {
        browser.get(server.baseUrl() + "/review");
        assertEquals("Case review · myeloma-cds", browser.getTitle());
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#sample option")).size() > 1);
        WebElement asOf = browser.findElement(By.id("asof"));
        asOf.clear();
        asOf.sendKeys("2026-11-01", org.openqa.selenium.Keys.TAB);

        Path bundle = Samples.samplesDir().resolve("rrmm-prior-dara-short-washout.json").toAbsolutePath();
        browser.findElement(By.id("file")).sendKeys(bundle.toString());
        waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report .option")));
        assertTrue(browser.findElement(By.id("source")).getText().contains("rrmm-prior-dara-short-washout.json"));

        List<WebElement> ranked = browser.findElements(By.cssSelector("#report .option"));
        assertEquals(6, ranked.size(), "six ranked options in the US");
        // The page ranks as the engine does (anti-CD38-refractory, no LVEF: every option ties at 5, the tie-break orders them).
        String top = Samples.evaluate(bundle, Jurisdiction.US, CompileMode.EXECUTABLE_MODEL)
                .recommendations().get(0).name();
        assertTrue(ranked.get(0).getText().contains("1. " + top), ranked.get(0).getText());
        WebElement excluded = browser.findElement(By.id("excluded"));
        assertTrue(excluded.getText().contains("Daratumumab monotherapy"), excluded.getText());
        assertTrue(excluded.getText().contains("the US labels require at least 3 prior lines"), "a why-not explanation");

        // Expanding a why-not line shows its rule, the evidence behind it and the patient data.
        WebElement reason = excluded.findElement(By.cssSelector("li.line"));
        WebElement meta = reason.findElement(By.cssSelector(".meta"));
        assertFalse(meta.isDisplayed(), "collapsed at first");
        reason.findElement(By.cssSelector("button.expand")).click();
        waitUpTo(5).until(ExpectedConditions.visibilityOf(meta));
        assertTrue(meta.getText().contains("DARA-MONO-ELIG-05"), meta.getText());
        assertTrue(meta.getText().contains("DARZALEX (daratumumab) injection"), "the cited label, from the evidence table");
        assertTrue(meta.getText().contains("Condition/mm-1"), "the patient data behind it: " + meta.getText());

        // The regimen switch is one row at this width (short names from the catalogue, full names in the titles).
        assertRegimenBarIsOneRow();
        WebElement isaPd = browser.findElement(By.cssSelector("#regimens button[data-regimen='ISA_PD']"));
        assertEquals("Isa-Pd", isaPd.getText());
        assertEquals("Isatuximab + pomalidomide + dexamethasone", isaPd.getAttribute("title"));

        // Switching regimen shows that option alone.
        isaPd.click();
        assertTrue(browser.findElement(By.id("option-ISA_PD")).isDisplayed());
        assertFalse(browser.findElement(By.id("option-ISA_KD")).isDisplayed());
        WebElement option = browser.findElement(By.id("option-ISA_PD"));
        // A line scrolled to the top of the window lands below the sticky bar, not under it: a plain click reaches it.
        WebElement expand = option.findElement(By.cssSelector("li.line button.expand"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", expand);
        expand.click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", option);
        File regimen = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(regimen.toPath(), SCREENSHOTS.resolve("review-page-regimen.png"), StandardCopyOption.REPLACE_EXISTING);
        screenshot("review-page-us.png");
        assertRegimenBarUsableOnAPhone();

        // EU labels cover daratumumab monotherapy after this history: the ranked list changes.
        browser.findElement(By.cssSelector("input[name=jurisdiction][value=EU]")).click();
        waitUpTo(60).ignoring(StaleElementReferenceException.class).until(d -> "EU".equals(d.findElement(By.cssSelector("#report article")).getAttribute("data-jurisdiction")));
        List<WebElement> eu = browser.findElements(By.cssSelector("#report .option"));
        assertEquals(7, eu.size(), "seven ranked options in the EU");
        assertTrue(browser.findElements(By.id("option-DARA_MONO")).size() == 1, "daratumumab monotherapy is ranked in the EU");
        assertTrue(browser.findElement(By.id("status")).getText().contains("EU"));
        screenshot("review-page-eu.png");
    }

    @Test
    void unreadableInputIsExplainedNotRendered() throws Exception {
        browser.get(server.baseUrl() + "/review");
        WebElement text = browser.findElement(By.id("bundle"));
        text.sendKeys("{\"resourceType\": \"Patient\"}");
        browser.findElement(By.id("run")).click();
        WebElement status = browser.findElement(By.id("status"));
        waitUpTo(30).until(d -> status.getAttribute("class").contains("error"));
        assertTrue(status.getText().contains("could not be read"), status.getText());
        assertTrue(browser.findElements(By.cssSelector("#report .option")).isEmpty());
    }

    /**
     * The wrong-patient hazard: a report must never stay on screen beside another bundle's error or while another
     * bundle is evaluated. A sample loads on the date its story is written for and the report names its bundle.
     */
    @Test
    void previousPatientsReportIsClearedOnNewEvaluationAndOnError() throws Exception {
        browser.get(server.baseUrl() + "/review");
        waitUpTo(10).until(d -> d.findElements(By.cssSelector("#sample option")).size() > 1);
        WebElement asOf = browser.findElement(By.id("asof"));
        asOf.clear();
        asOf.sendKeys("2020-01-01", org.openqa.selenium.Keys.TAB);

        new Select(browser.findElement(By.id("sample"))).selectByValue("rrmm-copd.json");
        waitUpTo(60).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report .option")));
        assertEquals("2026-11-01", asOf.getAttribute("value"), "a sample loads with the date its story is written for");
        WebElement reportFor = browser.findElement(By.id("report-for"));
        String copdPatient = browser.findElement(By.cssSelector("#report article")).getAttribute("data-patient");
        assertTrue(reportFor.isDisplayed());
        assertTrue(reportFor.getText().contains("sample rrmm-copd.json"), reportFor.getText());
        assertTrue(reportFor.getText().contains("patient " + copdPatient), reportFor.getText());
        assertTrue(reportFor.getText().contains("as of 2026-11-01"), reportFor.getText());

        // The next evaluation: the COPD patient's report is removed before the next patient's arrives.
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.reportStates = [];"
                + "new MutationObserver(function () {"
                + "  var a = document.querySelector('#report article');"
                + "  window.reportStates.push(a ? a.getAttribute('data-patient') : '');"
                + "}).observe(document.getElementById('report'), {childList: true});");
        new Select(browser.findElement(By.id("sample"))).selectByValue("rrmm-prior-dara-short-washout.json");
        waitUpTo(60).ignoring(StaleElementReferenceException.class).until(d -> reportFor.getText().contains("rrmm-prior-dara-short-washout.json"));
        String daraPatient = browser.findElement(By.cssSelector("#report article")).getAttribute("data-patient");
        assertFalse(daraPatient.equals(copdPatient), "two different patients");
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) js.executeScript("return window.reportStates;");
        assertEquals(List.of("", daraPatient), states, "cleared first, then only the new patient's report");
        assertTrue(reportFor.getText().contains("patient " + daraPatient), reportFor.getText());

        // A bundle that fails to load: no report at all, not the previous patient's beside the error.
        Path broken = Files.createTempFile(profile, "broken-", ".json");
        Files.writeString(broken, "{\"resourceType\": \"Patient\", \"id\": \"other\"}");
        browser.findElement(By.id("file")).sendKeys(broken.toString());
        WebElement status = browser.findElement(By.id("status"));
        waitUpTo(30).until(d -> status.getAttribute("class").contains("error"));
        assertTrue(status.getText().contains(broken.getFileName().toString()), "the error names the bundle: " + status.getText());
        assertTrue(status.getText().contains("could not be read"), status.getText());
        assertTrue(browser.findElements(By.cssSelector("#report *")).isEmpty(), "no report beside the error");
        assertFalse(reportFor.isDisplayed(), "no patient named beside the error");
        assertTrue(browser.findElement(By.id("regimens")).getAttribute("hidden") != null, "no regimen buttons either");
        screenshot("review-page-error-after-report.png");

        // Editing a pasted bundle also takes its old report away.
        new Select(browser.findElement(By.id("sample"))).selectByValue("rrmm-copd.json");
        waitUpTo(60).ignoring(StaleElementReferenceException.class).until(d -> reportFor.getText().contains("rrmm-copd.json"));
        browser.findElement(By.id("bundle")).sendKeys(" ");
        assertTrue(browser.findElements(By.cssSelector("#report *")).isEmpty(), "an edited bundle has no report yet");
        assertFalse(reportFor.isDisplayed());
    }
}
