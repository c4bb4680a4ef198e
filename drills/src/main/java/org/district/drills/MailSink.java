package org.district.drills;

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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The district's SMTP server during a drill: accepts every message and records its recipients and the headers that
 * say which notification it is ({@code Message-ID}, {@code X-District-Event-Id}, {@code X-District-Report-Id}). The
 * same minimal SMTP as the benchmarks' {@code SmtpSink}, which records the report id only; a drill also needs the event
 * id (alerts carry no report) and the Message-ID (to tell a resent message from a second one).
 */
final class MailSink implements AutoCloseable {

    /** One accepted message. */
    record Mail(long acceptedNanos, String messageId, String eventId, String reportId, List<String> recipients) {}

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mail-sink-connection");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Mail> accepted = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    MailSink(int port) throws IOException {
        server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "mail-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    List<Mail> mails() {
        return new ArrayList<>(accepted);
    }

    int count() {
        return accepted.size();
    }

    /** Messages per (key, recipient), where the key is taken from each message (report id or event id). */
    static Map<String, Integer> perKeyAndRecipient(List<Mail> mails, java.util.function.Function<Mail, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Mail m : mails) {
            String k = key.apply(m);
            if (k == null) {
                continue;
            }
            for (String r : m.recipients()) {
                counts.merge(k + " " + r, 1, Integer::sum);
            }
        }
        return counts;
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = server.accept();
                connections.submit(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    System.err.println("mail sink: " + e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 drill-mail ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-drill-mail\r\n250-8BITMIME\r\n250 SIZE 10485760");
                } else if (upper.startsWith("HELO")) {
                    reply(out, "250 drill-mail");
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
                    accepted.add(new Mail(System.nanoTime(), messageId, eventId, reportId, List.copyOf(recipients)));
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
