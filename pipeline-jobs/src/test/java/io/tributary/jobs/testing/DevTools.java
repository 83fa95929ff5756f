package io.tributary.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client for one page, over the JDK's own WebSocket client: just
 * enough to drive a report in a test (evaluate a script, click through it, take a screenshot)
 * without a browser-automation dependency.
 *
 * <pre>{@code
 * try (DevTools page = chromium.open(Path.of("statistics.html"))) {
 *   int rows = page.evaluate("document.querySelectorAll('tr').length").asInt();
 *   byte[] png = page.screenshot();
 * }
 * }</pre>
 *
 * <p>Commands are answered in order of their {@code id}. Events of the domains a test enables
 * (e.g. {@code page.call("Network.enable", DevTools.params())}, or {@link LocalChromium#open(java.nio.file.Path,
 * String...)}) are kept, in order, for {@link #events(String)}: how a test sees the requests a page
 * made and what it logged. A command the browser rejects throws {@link IllegalStateException} with the
 * browser's message; a script that throws does too, with the exception's description.
 */
public final class DevTools implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private DevTools(WebSocket socket) {
    this.socket = socket;
  }

  /** Connects to a page target's {@code webSocketDebuggerUrl}. */
  public static DevTools connect(URI page) {
    Listener listener = new Listener();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(TIMEOUT)
            .buildAsync(page, listener)
            .join();
    DevTools devTools = new DevTools(socket);
    listener.owner = devTools;
    return devTools;
  }

  /** Sends a command and waits for its result. */
  public JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + " failed: " + reply.get("error"));
      }
      return reply.get("result");
    } catch (TimeoutException e) {
      throw new IllegalStateException(method + " had no answer within " + TIMEOUT, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(method + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for " + method, e);
    } finally {
      pending.remove(id);
    }
  }

  /** The JSON value of a JavaScript expression evaluated in the page (promises are awaited). */
  public JsonNode evaluate(String expression) {
    JsonNode result =
        call(
            "Runtime.evaluate",
            params()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException(
          "the page's script threw: " + result.get("exceptionDetails").path("exception").path("description").asText(
              result.get("exceptionDetails").toString()));
    }
    return result.path("result").path("value");
  }

  /** Loads a URL and waits until the page and its scripts have run. */
  public void navigate(URI url) {
    call("Page.navigate", params().put("url", url.toString()));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!evaluate("document.readyState === 'complete' && location.href").asText().equals(url.toString())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(url + " did not load within " + TIMEOUT);
      }
      sleep();
    }
  }

  /** The {@code params} of every event named {@code method} (e.g. {@code Network.requestWillBeSent}) so far. */
  public List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.get("method").asText().equals(method)).map(e -> e.get("params")).toList();
  }

  /** A PNG of the whole page, not only of the viewport. */
  public byte[] screenshot() {
    JsonNode shot =
        call("Page.captureScreenshot", params().put("format", "png").put("captureBeyondViewport", true));
    return Base64.getDecoder().decode(shot.get("data").asText());
  }

  /** An empty parameter object to fill in. */
  public static ObjectNode params() {
    return JSON.createObjectNode();
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
  }

  private void received(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      CompletableFuture<JsonNode> answer = message.has("id") ? pending.get(message.get("id").asInt()) : null;
      if (answer != null) {
        answer.complete(message);
      } else if (message.has("method")) {
        events.add(message);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("DevTools sent what is not JSON: " + text, e);
    }
  }

  private void failAll(Throwable error) {
    pending.values().forEach(answer -> answer.completeExceptionally(error));
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Gathers message fragments (a screenshot arrives in many) and hands whole messages on. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();
    private volatile DevTools owner;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String text = message.toString();
        message.setLength(0);
        owner.received(text);
      }
      socket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      if (owner != null) {
        owner.failAll(error);
      }
    }
  }
}
