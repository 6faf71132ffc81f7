package dev.pmp.app.web;

import static dev.pmp.app.web.DashboardFixture.ESR;
import static dev.pmp.app.web.DashboardFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pmp.spi.Window;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium, against a daemon on the simulator. Needs Debian's
 * {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); without them the test is
 * skipped, except under {@code CI=true}, where it fails. Screenshots go to {@code app/target/screenshots}.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private DashboardFixture pmp;
    private WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs them");
        }
        Assumptions.assumeTrue(present, "skipped: the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        pmp = new DashboardFixture(dir, Optional.of(TOKEN));
        pmp.sim.withhold(new Window(Instant.parse("2026-11-20T15:00:00Z"), Instant.parse("2026-11-20T15:30:00Z")));
        pmp.startScheduler();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1400", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (pmp != null) {
            pmp.close();
        }
    }

    @Test
    void overviewChartWithLocationCalendarAndFillWorkInARealBrowser() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(pmp.uri("/").toString());
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#overview tr[data-dataset='" + ESR + "']")));
        assertThat(row.getText()).contains(ESR, "fresh", "2026-11-20T21:30:00Z");
        assertThat(browser.findElements(By.cssSelector("#overview tbody tr"))).hasSize(pmp.datasets + countDisabled());
        screenshot("overview");

        row.findElement(By.linkText(ESR)).click();
        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart[data-points]")));
        assertThat(chart.getAttribute("data-points")).isEqualTo("469");
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        WebElement today = browser.findElement(By.cssSelector("#calendar .day[data-date='2026-11-20']"));
        assertThat(today.getAttribute("class")).contains("partial");
        assertThat(browser.findElement(By.cssSelector("#calendar .day[data-date='2026-11-19']")).getAttribute("class")).contains("complete");
        today.click();
        assertThat(browser.findElement(By.id("day-detail")).getText())
                .contains("2026-11-20T15:00:00Z to 2026-11-20T15:30:00Z: 6 intervals, SOURCE_GAP");
        assertThat(browser.findElement(By.id("schema")).getText()).contains("net_output_mw", "MW");
        assertThat(browser.findElement(By.id("fetches")).getText()).contains("ok");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("column"))).selectByValue("net_output_mw");
        wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-column", "net_output_mw"));
        screenshot("dataset-with-gap");

        browser.get(pmp.uri("/#/dataset/ercot.fuel_mix").toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-selection", "fuel=Coal and Lignite"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("key-fuel"))).selectByValue("Solar");
        wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-selection", "fuel=Solar"));
        assertThat(browser.findElement(By.id("chart")).getAttribute("data-points")).isNotEqualTo("0");
        screenshot("dataset-by-fuel");

        browser.get(pmp.uri("/#/leaderboard?year=2025").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-batteries")));
        assertThat(browser.findElement(By.id("lb-year")).getAttribute("value")).isEqualTo("2025");
        screenshot("leaderboard");

        pmp.sim.clearWithheld();
        browser.get(pmp.uri("/#/gaps").toString());
        WebElement fill = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#gaps tr[data-dataset='" + ESR + "'] button.fill")));
        fill.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "actions need Authorization: Bearer"));

        WebElement token = browser.findElement(By.id("token"));
        token.sendKeys(TOKEN);
        browser.findElement(By.tagName("h1")).click();
        browser.findElement(By.cssSelector("#gaps tr[data-dataset='" + ESR + "'] button.fill")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "filled " + ESR + ": ok, +6 new"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#gaps tr[data-dataset='" + ESR + "']")));
        screenshot("gaps-after-fill");

        browser.get(pmp.uri("/#/dataset/" + ESR).toString());
        wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-points", "475"));
        assertThat(browser.findElement(By.cssSelector("#calendar .day[data-date='2026-11-20']")).getAttribute("class")).contains("complete");
        screenshot("dataset-after-fill");
    }

    private int countDisabled() throws Exception {
        String body = pmp.get("/api/datasets").body();
        return body.split("\"enabled\":false", -1).length - 1;
    }

    private void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
