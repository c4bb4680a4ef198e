package org.district.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A minimal SMTP server for the benchmarks and the drills: accepts every message and records, for each, the moment its
 * DATA was accepted (the moment the sending service's delivery is done), its recipients (lower case) and the headers
 * that say which notification it is: {@code Message-ID} (to tell a resent message from a second one),
 * {@code X-District-Event-Id} (alerts carry no report) and {@code X-District-Report-Id}. Just enough SMTP for a mail
 * client: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 *
 * <p>It also times the client's side of each exchange: for every command, how long passed between the server's reply
 * to the one before and this command's arrival (the sending side's turn, with the wire and the server's own wake-up),
 * and for the message text, from the 354 to the closing dot. {@link #turns()} prints them per command.
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message. */
    public record Accepted(
            long acceptedNanos, String messageId, String eventId, String reportId, List<String> recipients) {}

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink-connection");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;
    private final Map<String, Histogram> turns = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    public SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public ConcurrentLinkedQueue<Accepted> accepted() {
        return accepted;
    }

    /** A copy of the messages accepted so far. */
    public List<Accepted> mails() {
        return new ArrayList<>(accepted);
    }

    public int count() {
        return accepted.size();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    System.err.println("smtp sink: " + e.getMessage());
                }
            }
        }
    }

    /** A raw SMTP transaction from this process: the floor of mail delivery on this machine. */
    public static void sendOne(int port, String reportId) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            in.readLine();
            for (String line : new String[] {
                "HELO bench", "MAIL FROM:<bench@district.example>", "RCPT TO:<it@district.example>", "DATA"
            }) {
                out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.readLine();
            }
            out.write(("X-District-Report-Id: " + reportId + "\r\nSubject: baseline\r\n\r\nbaseline\r\n.\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readLine();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
            // As a mail server does with pipelined commands (RFC 2920): the replies to commands that came in together
            // go out together, when nothing more is waiting to be read, and at once (no delay for the client's
            // acknowledgement of the reply before).
            socket.setTcpNoDelay(true);
            connectionsOpened.incrementAndGet();
            reply(out, "220 smtp-sink ESMTP");
            long replied = System.nanoTime();
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = next(in, out)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                turn(verb(upper), replied);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-smtp-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 smtp-sink");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    recipients.add(line.substring(line.indexOf(':') + 1)
                            .replace("<", "")
                            .replace(">", "")
                            .trim()
                            .toLowerCase(Locale.ROOT));
                    reply(out, "250 OK");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    long textAsked = System.nanoTime();
                    String messageId = null;
                    String eventId = null;
                    String reportId = null;
                    boolean headers = true;
                    while ((line = next(in, out)) != null && !line.equals(".")) {
                        if (!headers) {
                            continue;
                        }
                        if (line.isEmpty()) {
                            headers = false;
                        } else if (starts(line, "Message-ID:")) {
                            messageId = line.substring(11).trim();
                        } else if (starts(line, "X-District-Event-Id:")) {
                            eventId = line.substring(20).trim();
                        } else if (starts(line, "X-District-Report-Id:")) {
                            reportId = line.substring(21).trim();
                        }
                    }
                    turn("(text)", textAsked);
                    accepted.add(
                            new Accepted(System.nanoTime(), messageId, eventId, reportId, List.copyOf(recipients)));
                    reply(out, "250 OK queued");
                } else if (upper.startsWith("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else if (upper.startsWith("RSET") || upper.startsWith("NOOP")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else {
                    reply(out, "502 Command not implemented");
                }
                replied = System.nanoTime();
            }
        } catch (IOException e) {
            // The sending service went away mid-conversation (a drill kills it): nothing was accepted.
        }
    }

    private static String verb(String upper) {
        int space = upper.indexOf(' ');
        String verb = space < 0 ? upper : upper.substring(0, space);
        return verb.length() > 8 ? "(other)" : verb;
    }

    private void turn(String verb, long since) {
        turns.computeIfAbsent(verb, v -> new ConcurrentHistogram(3))
                .recordValue(Math.max(1, (System.nanoTime() - since) / 1000));
    }

    /**
     * The client's turn before each command (and before the closing dot of the text), in ms: count, mean, p50, p99,
     * max; and how many connections were opened. One line per command, for the benchmark's output.
     */
    public String turns() {
        StringBuilder text = new StringBuilder("SMTP client turns at the server, ms (count, mean, p50, p99, max); "
                + connectionsOpened.get() + " connections opened\n");
        new TreeMap<>(turns)
                .forEach((verb, h) -> text.append(String.format(
                        Locale.ROOT,
                        "  %-8s %8d %8.2f %8.2f %8.2f %8.2f%n",
                        verb,
                        h.getTotalCount(),
                        h.getMean() / 1000,
                        h.getValueAtPercentile(50) / 1000.0,
                        h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0)));
        return text.toString();
    }

    /** Forgets the turns timed so far (after a warm-up). */
    public void resetTurns() {
        turns.values().forEach(Histogram::reset);
    }

    private static boolean starts(String line, String header) {
        return line.regionMatches(true, 0, header, 0, header.length());
    }

    /** Writes a reply; it goes out with the others when the client has nothing more waiting ({@link #next}). */
    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** The next line from the client, after sending the replies written so far if no more input is waiting. */
    private static String next(BufferedReader in, OutputStream out) throws IOException {
        if (!in.ready()) {
            out.flush();
        }
        return in.readLine();
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        connections.shutdownNow();
    }
}
