package org.district.bench;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server for the benchmarks and the drills: accepts every message and records, for each, the moment its
 * DATA was accepted (the moment the sending service's delivery is done), its recipients (lower case) and the headers
 * that say which notification it is: {@code Message-ID} (to tell a resent message from a second one),
 * {@code X-District-Event-Id} (alerts carry no report) and {@code X-District-Report-Id}. Just enough SMTP for a mail
 * client: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
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
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 smtp-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-smtp-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
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
                    String messageId = null;
                    String eventId = null;
                    String reportId = null;
                    boolean headers = true;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
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
            }
        } catch (IOException e) {
            // The sending service went away mid-conversation (a drill kills it): nothing was accepted.
        }
    }

    private static boolean starts(String line, String header) {
        return line.regionMatches(true, 0, header, 0, header.length());
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        connections.shutdownNow();
    }
}
