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
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build();
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
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        body = r.body();
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
        System.out.printf("agents=%d pace-ms=%d window=%ds requests=%d throughput=%.0f/s%n", agents, paceMs, seconds,
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
}
