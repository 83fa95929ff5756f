package io.tributary.jobs.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The request log's options, spans and sampling, without a server. */
class RequestLogConfigTest {

  @Test
  void offByDefault() {
    RequestLogConfig config = RequestLogConfig.builder().build();
    assertFalse(config.enabled());
    assertEquals(Duration.ofHours(1), config.span());
    assertEquals(Duration.ofDays(7), config.retention());
    assertTrue(RequestLogConfig.builder().dir(Path.of("logs")).sampleRate(0.1).build().dir().isAbsolute());
  }

  @Test
  void wrongValuesNameTheOption() {
    assertMessage("--logSampleRate=1.5", RequestLogConfig.builder().dir(Path.of("l")).sampleRate(1.5));
    assertMessage("--logSampleRate=NaN", RequestLogConfig.builder().dir(Path.of("l")).sampleRate(Double.NaN));
    assertMessage("--logSampleRate=0.5 needs --logDir", RequestLogConfig.builder().sampleRate(0.5));
    assertMessage("--logDir is given but --logSampleRate is 0", RequestLogConfig.builder().dir(Path.of("l")));
    assertMessage("--logSpan=7m: a span must be whole minutes that divide a day",
        RequestLogConfig.builder().span(Duration.ofMinutes(7)));
    assertMessage("--logSpan=90s", RequestLogConfig.builder().span(Duration.ofSeconds(90)));
    assertMessage("--logSpan=2d", RequestLogConfig.builder().span(Duration.ofDays(2)));
    assertMessage("--logRetention=30m is shorter than --logSpan=1h",
        RequestLogConfig.builder().retention(Duration.ofMinutes(30)));
    assertMessage("--logRollSeconds", RequestLogConfig.builder().rollInterval(Duration.ofHours(2)));
    assertMessage("--logQueueSize=0", RequestLogConfig.builder().queueCapacity(0));
  }

  @Test
  void durationsAreANumberAndAUnit() {
    assertEquals(Duration.ofMinutes(15), DurationText.parse("--logSpan", "15m"));
    assertEquals(Duration.ofDays(7), DurationText.parse("--logRetention", "7d"));
    assertEquals(Duration.ofSeconds(90), DurationText.parse("--logRetention", " 90s "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse("--logRetention", "1 week"));
    assertEquals("--logRetention=1 week is not a duration: write a whole number and a unit s, m, h or d, e.g. 1h or 7d",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DurationText.parse("--logSpan", "1.5h"));
    assertEquals("36h", DurationText.format(Duration.ofHours(36)));
    assertEquals("2d", DurationText.format(Duration.ofDays(2)));
  }

  @Test
  void spansAreNumberedByTheirStartInUtc() {
    LogSpan hourly = LogSpan.of(Duration.ofHours(1));
    assertEquals(202612072000L, hourly.number(Instant.parse("2026-12-07T20:59:59.999Z")));
    assertEquals(202612072100L, hourly.number(Instant.parse("2026-12-07T21:00:00Z")));
    assertEquals(Instant.parse("2026-12-07T21:00:00Z"), hourly.end(202612072000L));
    LogSpan quarter = LogSpan.of(Duration.ofMinutes(15));
    assertEquals(202612072030L, quarter.number(Instant.parse("2026-12-07T20:44:00Z")));
    LogSpan daily = LogSpan.of(Duration.ofDays(1));
    assertEquals(202612070000L, daily.number(Instant.parse("2026-12-07T23:00:00Z")));
    assertEquals(202612072000L, LogSpan.ofFolder("span-202612072000").getAsLong());
    assertEquals(OptionalLong.empty(), LogSpan.ofFolder("span-202613072000"), "month 13 is not a span");
    assertEquals(OptionalLong.empty(), LogSpan.ofFolder("notes"));
    assertEquals("span-202612072000", LogSpan.folder(202612072000L));
  }

  @Test
  void sampleDependsOnlyOnTheRequestId() {
    RequestSample half = new RequestSample(0.5);
    int in = 0;
    for (int i = 0; i < 100_000; i++) {
      in += half.contains("request-" + i) ? 1 : 0;
    }
    // Binomial(100000, 0.5) has a standard deviation of 158: 2,000 is over 12 of them.
    assertTrue(Math.abs(in - 50_000) < 2_000, in + " of 100000 sampled at 0.5");
    assertEquals(half.contains("abc"), half.contains("abc"));
    RequestSample all = new RequestSample(1);
    RequestSample none = new RequestSample(0);
    for (int i = 0; i < 1000; i++) {
      assertTrue(all.contains("r" + i));
      assertFalse(none.contains("r" + i));
    }
  }

  private static void assertMessage(String message, RequestLogConfig.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void requestIdsAreTheClientsOrNew() {
    assertEquals("order-17", RequestId.resolve("order-17"));
    assertEquals(36, RequestId.resolve(null).length());
    ApiException spaces = assertThrows(ApiException.class, () -> RequestId.resolve("has space"));
    assertEquals(400, spaces.status());
    assertThrows(ApiException.class, () -> RequestId.resolve(""));
    assertThrows(ApiException.class, () -> RequestId.resolve("x".repeat(129)));
  }
}
