package io.tributary.jobs.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The request log's writer thread and the folder it owns:
 *
 * <pre>
 * &lt;logDir&gt;/
 *   .lock                                  held while a server writes here: one server per folder
 *   .tmp/                                  files being written; emptied on start (what a crash left)
 *   penguin/span-202612072000/             one folder per model and span ({@link LogSpan})
 *     v2-20261207T200012Z-1f0c9a2e-000001.avro   published files: version, start, writer run, sequence
 * </pre>
 *
 * <p>Each (model, version, span) has one open file at a time; every {@code rollInterval}, and when
 * the log closes, the open files are published ({@link LogFile#publish}) and the spans past
 * {@code retention} deleted. Retention is by age: a span folder goes once its span ended more than
 * {@code --logRetention} ago, and only the files this writer's naming matches are deleted from it
 * (the folder too, when that leaves it empty), so nothing else in the folder is touched.
 */
final class RequestLogWriter {

  static final String LOCK_FILE = ".lock";
  static final String TEMP_FOLDER = ".tmp";

  /** The names of the files the writer publishes; retention deletes nothing else. */
  static final Pattern FILE = Pattern.compile("v\\d+-\\d{8}T\\d{6}Z-[0-9a-f]{8}-\\d{6}\\.avro");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final RequestLog.Entry STOP = new RequestLog.Entry(null, null, List.of(), null, null, 0);

  private record FileKey(String model, long version, long span) {}

  private final RequestLogConfig config;
  private final LogSpan spans;
  private final BlockingQueue<RequestLog.Entry> queue;
  private final AtomicLong waiting;
  private final PrintStream log;
  private final Runnable beforeEachWrite;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, LogSchema> schemas = new HashMap<>();
  private final Set<String> unloggable = new HashSet<>();
  private final Map<FileKey, LogFile> open = new HashMap<>();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong deleted = new AtomicLong();
  private final Thread thread;
  private long sequence;
  private long lastErrorLogged;

  private RequestLogWriter(RequestLogConfig config, BlockingQueue<RequestLog.Entry> queue, AtomicLong waiting,
      PrintStream log, Runnable beforeEachWrite, FileChannel lockChannel, FileLock lock) {
    this.config = config;
    this.spans = LogSpan.of(config.span());
    this.queue = queue;
    this.waiting = waiting;
    this.log = log;
    this.beforeEachWrite = beforeEachWrite;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.thread = new Thread(this::run, "tributary-request-log");
    thread.setDaemon(true);
  }

  /**
   * Takes the folder, cleans it (temporary files, expired spans) and starts the thread, which
   * takes each entry's instances off {@code waiting} once it has written them.
   */
  static RequestLogWriter start(RequestLogConfig config, BlockingQueue<RequestLog.Entry> queue, AtomicLong waiting,
      PrintStream log, Runnable beforeEachWrite) {
    Path dir = config.dir();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir.resolve(TEMP_FOLDER));
      channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new OverlappingFileLockException();
      }
      RequestLogWriter writer = new RequestLogWriter(config, queue, waiting, log, beforeEachWrite, channel, lock);
      writer.sweepTemporary();
      writer.sweepExpired(Instant.now());
      writer.thread.start();
      return writer;
    } catch (OverlappingFileLockException e) {
      close(channel);
      throw new IllegalArgumentException("another tributary serve writes its request log to " + dir
          + ": give each server its own --logDir");
    } catch (IOException | UncheckedIOException e) {
      close(channel);
      throw new IllegalArgumentException("cannot write the request log to " + dir + " (" + e.getMessage()
          + "): give a writable --logDir");
    }
  }

  long written() {
    return written.get();
  }

  long failed() {
    return failed.get();
  }

  long published() {
    return published.get();
  }

  long deleted() {
    return deleted.get();
  }

  /** Lets the thread write what is queued and publish every file, then releases the folder. */
  void stop(long timeoutMillis) throws InterruptedException {
    queue.put(STOP);
    thread.join(timeoutMillis);
  }

  private void run() {
    long rollNanos = config.rollInterval().toNanos();
    long nextRoll = System.nanoTime() + rollNanos;
    try {
      while (true) {
        RequestLog.Entry entry = queue.poll(Math.max(0, nextRoll - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (entry == STOP) {
          return;
        }
        if (entry != null) {
          beforeEachWrite.run();
          write(entry);
          waiting.addAndGet(-entry.instances().size());
        }
        if (System.nanoTime() - nextRoll >= 0) {
          publishAll();
          sweepExpired(Instant.now());
          nextRoll = System.nanoTime() + rollNanos;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      publishAll();
      try {
        lock.release();
      } catch (IOException ignored) {
        // Closing the channel releases it too.
      }
      close(lockChannel);
    }
  }

  private void write(RequestLog.Entry entry) {
    String key = entry.model() + "/" + entry.version().version();
    LogSchema schema = schemas.get(key);
    if (schema == null && !unloggable.contains(key)) {
      try {
        schema = LogSchema.of(entry.version());
        schemas.put(key, schema);
      } catch (RuntimeException e) {
        unloggable.add(key);
        log.println("serve: requests to " + key + " are not logged: " + e.getMessage());
      }
    }
    FileKey fileKey = new FileKey(entry.model(), entry.version().version(), spans.number(Instant.ofEpochMilli(entry.timeMillis())));
    int pending = 0;
    for (int i = 0; i < entry.instances().size(); i++) {
      pending += scored(entry, i) ? 1 : 0;
    }
    if (schema == null) {
      failed.addAndGet(pending);
      return;
    }
    try {
      for (int i = 0; i < entry.instances().size(); i++) {
        if (!scored(entry, i)) {
          continue;
        }
        // Scored instances were read once already: this read cannot fail.
        Map<String, Object> raw = entry.version().reader().read(entry.instances().get(i));
        file(fileKey, schema).append(
            schema.record(raw, entry.predictions().get(i), entry.requestId(), i, entry.timeMillis(), entry.model(),
                entry.version().version()));
        pending--;
        written.incrementAndGet();
      }
    } catch (IOException | RuntimeException e) {
      // The open file may be broken mid-record: give it up, with the rows it held.
      LogFile broken = open.remove(fileKey);
      long lost = pending;
      if (broken != null) {
        broken.discard();
        written.addAndGet(-broken.rows());
        lost += broken.rows();
      }
      failed.addAndGet(lost);
      complain("cannot write the request log for " + key + ": " + e);
    }
  }

  /** Whether instance {@code i} was answered with a prediction (not an error of a partial request). */
  private static boolean scored(RequestLog.Entry entry, int i) {
    JsonNode prediction = entry.predictions() == null ? null : entry.predictions().get(i);
    return prediction != null && !prediction.has("error");
  }

  private LogFile file(FileKey key, LogSchema schema) throws IOException {
    LogFile file = open.get(key);
    if (file == null) {
      String name = String.format(Locale.ROOT, "v%d-%s-%s-%06d.avro", key.version(), STAMP.format(Instant.now()), run,
          ++sequence);
      Path target = config.dir().resolve(key.model()).resolve(LogSpan.folder(key.span())).resolve(name);
      file = LogFile.create(config.dir().resolve(TEMP_FOLDER).resolve(key.model() + "-" + name), target, schema.avro());
      open.put(key, file);
    }
    return file;
  }

  private void publishAll() {
    for (Map.Entry<FileKey, LogFile> entry : open.entrySet()) {
      try {
        entry.getValue().publish();
        published.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        entry.getValue().discard();
        written.addAndGet(-entry.getValue().rows());
        failed.addAndGet(entry.getValue().rows());
        complain("cannot publish a request log file of " + entry.getKey().model() + ": " + e);
      }
    }
    open.clear();
  }

  /** Deletes every file in {@code .tmp/}: this writer holds the lock, so they are a crashed writer's. */
  private void sweepTemporary() throws IOException {
    try (Stream<Path> files = Files.list(config.dir().resolve(TEMP_FOLDER))) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Deletes the logged files of spans that ended more than the retention ago, and their folders when empty. */
  private void sweepExpired(Instant now) {
    Instant oldestKept = now.minus(config.retention());
    try (Stream<Path> models = Files.list(config.dir())) {
      for (Path model : models.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        if (!Files.isDirectory(model)) {
          continue;
        }
        try (Stream<Path> folders = Files.list(model)) {
          for (Path folder : folders.toList()) {
            OptionalLong span = LogSpan.ofFolder(folder.getFileName().toString());
            if (span.isPresent() && Files.isDirectory(folder) && !spans.end(span.getAsLong()).isAfter(oldestKept)) {
              deleteLogged(folder);
            }
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      complain("cannot apply --logRetention in " + config.dir() + ": " + e.getMessage());
    }
  }

  private void deleteLogged(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        if (FILE.matcher(file.getFileName().toString()).matches() && Files.deleteIfExists(file)) {
          deleted.incrementAndGet();
        }
      }
    }
    try {
      Files.deleteIfExists(folder);
    } catch (DirectoryNotEmptyException othersFiles) {
      // Files the server did not write stay, and so does their folder.
    }
  }

  /** One line on the server's log, at most one every 10 seconds, so a full disk does not flood it. */
  private void complain(String message) {
    long now = System.nanoTime();
    if (lastErrorLogged == 0 || now - lastErrorLogged > TimeUnit.SECONDS.toNanos(10)) {
      lastErrorLogged = now;
      log.println("serve: " + message + " (rows lost so far: " + failed.get() + ")");
    }
  }

  private static void close(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing more to release.
      }
    }
  }
}
