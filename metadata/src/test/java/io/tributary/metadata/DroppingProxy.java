package io.tributary.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay between the store and the PostgreSQL server that can break the connection the way a
 * network does: right after it has passed a {@code COMMIT} on to the server, and before the
 * server's answer comes back, so the client cannot know whether the commit went through.
 */
final class DroppingProxy implements AutoCloseable {
  private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final AtomicBoolean dropAfterCommit = new AtomicBoolean();
  private final java.util.concurrent.atomic.AtomicInteger dropped = new java.util.concurrent.atomic.AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  DroppingProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptAll, "proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Breaks the next connection that sends a COMMIT, once the server has had time to apply it. */
  void dropAfterNextCommit() {
    dropAfterCommit.set(true);
  }

  /** How many connections it broke (or is breaking) after a COMMIT. */
  int dropped() {
    return dropped.get();
  }

  private void acceptAll() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(host, port);
        sockets.add(client);
        sockets.add(server);
        AtomicBoolean cut = new AtomicBoolean();
        pump(client, server, cut, true);
        pump(server, client, cut, false);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /** Relays one direction; {@code cut} set means the server's answers are no longer delivered. */
  private void pump(Socket from, Socket to, AtomicBoolean cut, boolean toServer) {
    Thread t = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          boolean drop = toServer && contains(buffer, n, COMMIT) && dropAfterCommit.compareAndSet(true, false);
          if (drop) {
            dropped.incrementAndGet();
          }
          if (drop || cut.get()) {
            cut.set(true);
          }
          if (!toServer && cut.get()) {
            return; // the answer to the COMMIT is lost
          }
          out.write(buffer, 0, n);
          out.flush();
          if (drop) {
            Thread.sleep(500); // the server commits meanwhile
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the other direction closed it
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static boolean contains(byte[] buffer, int length, byte[] word) {
    outer:
    for (int i = 0; i + word.length <= length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (buffer[i + j] != word[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    sockets.forEach(DroppingProxy::closeQuietly);
  }
}
