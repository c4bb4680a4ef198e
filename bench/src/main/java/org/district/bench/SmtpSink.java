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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SMTP server that accepts every message and records, for each, the moment its DATA was accepted (the
 * moment the sending service's delivery is done), its recipients and its {@code X-District-Report-Id} header. Just
 * enough SMTP for a mail client: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
public final class SmtpSink implements AutoCloseable {

    /** One accepted message. */
    public record Accepted(long acceptedNanos, String reportId, List<String> recipients) {}

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, Boolean> unused = new ConcurrentHashMap<>();
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
                            .trim());
                    reply(out, "250 OK");
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String reportId = null;
                    boolean headers = true;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (headers) {
                            if (line.isEmpty()) {
                                headers = false;
                            } else if (line.regionMatches(true, 0, "X-District-Report-Id:", 0, 21)) {
                                reportId = line.substring(21).trim();
                            }
                        }
                    }
                    accepted.add(new Accepted(System.nanoTime(), reportId, List.copyOf(recipients)));
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
            unused.put(e.getClass().getSimpleName(), true);
        }
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
