package io.tributary.jobs.serve;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers — a request it refuses before the {@link Api} sees it: a malformed
 * request line, an ambiguous path ({@code %2F}, {@code %2e%2e}, {@code //}, {@code %00}), a URI or
 * header block over Jetty's limits — as {@code {"error": ...}} like every other error of the
 * server, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    Reply reply = Reply.error(code, describe(code, message));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    Reply reply = Reply.error(status, describe(status, reason));
    fields.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    return ByteBuffer.wrap(reply.body());
  }

  private static String describe(int status, String message) {
    String what = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
    String fix = switch (status) {
      case 400 -> ": send a plain path such as /v1/models/NAME:predict (no encoded '/', '.' or NUL, no empty or"
          + " '..' segments) and well-formed HTTP/1.1";
      case 414 -> ": the URI is too long; send data in the body";
      case 431 -> ": the request headers are too large; send fewer or shorter headers";
      default -> "";
    };
    return status + " " + what + fix;
  }
}
