import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Next ticket" load: one worker per agent (one API token each, one line of --tokens), each calling
 * POST /api/v1/tickets/next. --pace-ms 0: closed loop (the next call as soon as the answer is in);
 * --pace-ms N: each agent starts a call every N ms (open loop per agent, so a slow answer does not
 * hide a queue). Latency is measured from the planned start in paced mode. Prints throughput,
 * p50/p95/p99/max over the measured window, answers by status, and whether any ticket came twice.
 *
 * <p>--client socket (default): each agent holds one keep-alive HTTP/1.1 connection and does blocking
 * reads and writes on its own thread, so a call costs the driver one thread and no hand-offs — on a
 * 2-core machine shared with the server the client's own overhead is what spoils the figure otherwise.
 * --client jdk: java.net.http.HttpClient (its selector thread passes every answer between threads).
 *
 *   java bench/NextTicketDriver.java --url http://localhost:18081 --tokens tokens.txt --seconds 30 --warmup 10 --pace-ms 100
 */
public class NextTicketDriver {

    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"(L-\\d+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = o.getOrDefault("url", "http://localhost:18081") + "/api/v1/tickets/next";
        List<String> tokens = Files.readAllLines(Path.of(o.get("tokens"))).stream().filter(s -> !s.isBlank()).toList();
        int agents = Integer.parseInt(o.getOrDefault("agents", String.valueOf(tokens.size())));
        long seconds = Long.parseLong(o.getOrDefault("seconds", "30"));
        long warmup = Long.parseLong(o.getOrDefault("warmup", "10"));
        long paceMs = Long.parseLong(o.getOrDefault("pace-ms", "0"));
        boolean socketClient = !"jdk".equals(o.getOrDefault("client", "socket"));
        URI target = URI.create(url);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long t0 = System.nanoTime();
        long windowOpen = t0 + warmup * 1_000_000_000L;
        long windowClose = windowOpen + seconds * 1_000_000_000L;
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Set<String> numbers = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        List<long[]> perWorker = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < agents; w++) {
            long[] lat = new long[2_000_000];
            int[] n = new int[1];
            perWorker.add(lat);
            counts.add(n);
            String token = tokens.get(w % tokens.size());
            long offset = paceMs == 0 ? 0 : (paceMs * 1_000_000L * w) / agents; // spread the agents over one period
            Thread t = new Thread(() -> {
                HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
                KeepAlive connection = socketClient ? new KeepAlive(target, token) : null;
                long planned = t0 + offset;
                while (true) {
                    long start;
                    if (paceMs > 0) {
                        long wait = planned - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                        start = planned;
                        planned += paceMs * 1_000_000L;
                    } else {
                        start = System.nanoTime();
                    }
                    if (start >= windowClose) {
                        break;
                    }
                    int status;
                    String body;
                    try {
                        if (connection != null) {
                            String[] r = connection.post();
                            status = Integer.parseInt(r[0]);
                            body = r[1];
                        } else {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = r.statusCode();
                            body = r.body();
                        }
                    } catch (IOException | InterruptedException e) {
                        status = -1;
                        body = "";
                    }
                    long end = System.nanoTime();
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status == 200) {
                        Matcher m = NUMBER.matcher(body);
                        if (m.find() && !numbers.add(m.group(1))) {
                            duplicates.incrementAndGet();
                        }
                    }
                    if (start >= windowOpen && n[0] < lat.length) {
                        lat[n[0]++] = end - start;
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            });
            threads.add(t);
            t.start();
        }
        sleepNanos(windowOpen - System.nanoTime());
        System.out.println("# window open");
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("# window closed");
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (int w = 0; w < agents; w++) {
            System.arraycopy(perWorker.get(w), 0, all, k, counts.get(w)[0]);
            k += counts.get(w)[0];
        }
        Arrays.sort(all);
        System.out.printf("client=%s agents=%d pace-ms=%d window=%ds requests=%d throughput=%.0f/s%n", socketClient ? "socket" : "jdk", agents, paceMs, seconds,
                total, total / (double) seconds);
        System.out.printf("latency ms: p50=%.2f p95=%.2f p99=%.2f max=%.2f%n", pct(all, 50), pct(all, 95), pct(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        System.out.println("answers by status (warm-up included): " + new TreeMap<>(statuses));
        System.out.println("distinct tickets handed out: " + numbers.size() + ", handed out twice: " + duplicates.get());
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One blocking keep-alive HTTP/1.1 connection: POST without a body, the answer by Content-Length or chunks. */
    static final class KeepAlive {
        private final String host;
        private final int port;
        private final byte[] request;
        private java.net.Socket socket;
        private java.io.BufferedInputStream in;
        private java.io.OutputStream out;

        KeepAlive(URI target, String token) {
            this.host = target.getHost();
            this.port = target.getPort() < 0 ? 80 : target.getPort();
            this.request = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }

        /** Status and body; reconnects once when the server closed the connection. */
        String[] post() throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new java.net.Socket(host, port);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        in = new java.io.BufferedInputStream(socket.getInputStream(), 16384);
                        out = socket.getOutputStream();
                    }
                    out.write(request);
                    out.flush();
                    return read();
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private String[] read() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            String status = statusLine.split(" ")[1];
            int length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line();
                }
                for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                    // trailers
                }
            } else if (length > 0) {
                body.write(in.readNBytes(length));
            }
            if (closeAfter) {
                close();
            }
            return new String[] {status, body.toString(java.nio.charset.StandardCharsets.UTF_8)};
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    int n = b.length();
                    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
