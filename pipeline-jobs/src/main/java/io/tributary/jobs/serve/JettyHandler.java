package io.tributary.jobs.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adapts Jetty's core handler API to {@link Api}: hands it the method, the path and a body reader
 * that stops at the size limit, and writes its {@link Reply}. A fault of the server itself is a
 * 500 with a one-line message (and the stack trace in the log), never a dropped connection.
 */
final class JettyHandler extends Handler.Abstract {

  private final Api api;
  private final PrintStream log;

  JettyHandler(Api api, PrintStream log) {
    this.api = api;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Reply reply;
    try {
      reply = api.handle(request.getMethod(), request.getHttpURI().getPath(), limit -> body(request, limit));
    } catch (RuntimeException e) {
      log.println("serve: internal error on " + request.getMethod() + " " + request.getHttpURI().getPath() + ": " + e);
      e.printStackTrace(log);
      reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    reply.headers().forEach(response.getHeaders()::put);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }

  /** The whole body, or 413 as soon as it is known to exceed {@code limit}: never buffered past it. */
  private static byte[] body(Request request, int limit) {
    long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
    if (declared > limit) {
      throw tooLarge(declared + " bytes", limit);
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw tooLarge("more than " + limit + " bytes", limit);
      }
      return body;
    } catch (IOException e) {
      // Only the client's side can break a body half way (a short body, a dropped connection).
      throw new ApiException(400, "the request body could not be read: " + e.getMessage());
    }
  }

  private static ApiException tooLarge(String size, int limit) {
    return new ApiException(413, "the body has " + size + ", over the limit of " + limit
        + " bytes (the server's --maxBodyBytes): send fewer instances per request");
  }
}
