package io.tributary.jobs.serve;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that announce a predict body and then trickle it, one byte per connection every
 * {@code interval}, as a slow or hostile network does. Bounded: {@code count} connections, and
 * after {@code lasting} they close by themselves (as does {@link #close()}).
 */
final class SlowClients implements AutoCloseable {

  private final List<Socket> sockets = new ArrayList<>();
  private final Thread trickler;
  private volatile int open;

  private SlowClients(URI base, int count, Duration interval, Duration lasting) throws IOException {
    String head = "POST /v1/models/penguin:predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000\r\n\r\n{";
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket(base.getHost(), base.getPort());
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      sockets.add(socket);
    }
    open = count;
    trickler = new Thread(() -> trickle(interval, System.nanoTime() + lasting.toNanos()), "slow-clients");
    trickler.setDaemon(true);
    trickler.start();
  }

  /** Opens {@code count} connections, each sending its headers and the body's first byte. */
  static SlowClients open(URI base, int count, Duration interval, Duration lasting) throws IOException {
    return new SlowClients(base, count, interval, lasting);
  }

  /** How many connections were still open, the server not having closed them, at the last byte sent. */
  int open() {
    return open;
  }

  private void trickle(Duration interval, long end) {
    try {
      while (System.nanoTime() < end) {
        Thread.sleep(interval.toMillis());
        int stillOpen = 0;
        for (Socket socket : sockets) {
          try {
            socket.getOutputStream().write(' ');
            stillOpen++;
          } catch (IOException closedByServer) {
            // counted as not open
          }
        }
        open = stillOpen;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeAll();
    }
  }

  private synchronized void closeAll() {
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    trickler.interrupt();
    trickler.join();
  }
}
