import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for Linia: N workers each loop {@code POST /api/v1/tickets} as fast as the server
 * answers (closed loop, one request in flight per worker), first for a warm-up, then for a measured
 * window. JDK only; run as a single-file source:
 *
 * <pre>
 * java bench/LoadDriver.java --url http://localhost:18080 --token lin_... --seconds 30 --concurrency 32 --warmup 10
 * java bench/LoadDriver.java --url http://localhost:18080 --basic lead:linia2026 --seconds 30 --concurrency 32
 * </pre>
 *
 * Options: --url, --token | --basic user:password, --seconds (measured, default 30), --warmup (default 10),
 * --concurrency (default 32), --emails (customer pool size, default 10000), --categories 1,2,3 (ids
 * to pick from; half the tickets get one, the rest none), --label (name on the RESULT line),
 * --timeout (per request, seconds, default 30).
 *
 * Prints the figures of the measured window (requests completed in it, by status code, errors,
 * throughput, latency percentiles) and one machine-readable line starting with {@code RESULT}.
 * It also prints how many tickets were created in total (warm-up included, and requests still in
 * flight when the window closed), so a caller can check that figure against the database.
 *
 * Exit code: 0 whatever the figures; 2 when the server is unreachable; 3 when more than 1% of the
 * measured requests failed (transport error or a non-2xx status).
 */
public class LoadDriver {

    private static final String[] SUBJECT_HEADS = {
            "Не работает", "Ошибка при входе в", "Не приходит письмо от", "Медленно открывается",
            "Прошу восстановить доступ к", "Вопрос по оплате в", "Сбой синхронизации в", "Не могу найти отчёт в",
            "Пропали данные в", "Нужна консультация по", "Зависает", "Не печатает из"};
    private static final String[] SUBJECT_TAILS = {
            "личному кабинету", "мобильному приложению", "почте", "1С:Бухгалтерии", "VPN", "порталу поставщиков",
            "CRM", "корпоративному чату", "системе документооборота", "сайту", "принтеру на 3 этаже", "биллингу"};
    private static final String[] BODY_PARTS = {
            "Здравствуйте!",
            "С сегодняшнего утра при попытке войти появляется сообщение «Доступ запрещён».",
            "Пробовал перезагрузить компьютер и очистить кэш браузера — не помогло.",
            "Ошибка повторяется у всех сотрудников нашего отдела.",
            "Вчера всё работало нормально, никаких обновлений мы не устанавливали.",
            "Прикладываю описание шагов: открываю страницу, нажимаю «Сохранить», и ничего не происходит.",
            "Срочно нужно отправить отчёт до конца дня, помогите, пожалуйста.",
            "Номер договора 45-17/2025, лицевой счёт 0098123.",
            "Код ошибки: E-1042. Браузер — Яндекс.Браузер последней версии.",
            "Письмо с кодом подтверждения не приходит уже больше часа, папку «Спам» проверил.",
            "Подскажите, пожалуйста, как изменить реквизиты для выставления счетов?",
            "Если нужна дополнительная информация — звоните по внутреннему номеру 2314.",
            "Заранее спасибо за помощь!",
            "С уважением, отдел закупок."};
    private static final String[] FIRST_NAMES = {"Анна", "Иван", "Мария", "Сергей", "Ольга", "Дмитрий", "Елена",
            "Алексей", "Наталья", "Павел"};
    private static final String[] LAST_NAMES = {"Иванова", "Петров", "Смирнова", "Кузнецов", "Попова", "Соколов",
            "Лебедева", "Новиков", "Морозова", "Волков"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        String url = stripSlash(opts.getOrDefault("url", "http://localhost:8080"));
        String token = opts.get("token");
        String basic = opts.get("basic");
        if ((token == null) == (basic == null)) {
            System.err.println("give exactly one of --token lin_... or --basic user:password");
            System.exit(64);
        }
        String authorization = token != null ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "10"));
        int concurrency = Integer.parseInt(opts.getOrDefault("concurrency", "32"));
        int emails = Integer.parseInt(opts.getOrDefault("emails", "10000"));
        int timeout = Integer.parseInt(opts.getOrDefault("timeout", "30"));
        String label = opts.getOrDefault("label", (token != null ? "token" : "basic") + "-c" + concurrency);
        long[] categories = opts.containsKey("categories") && !opts.get("categories").isBlank()
                ? Arrays.stream(opts.get("categories").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong).toArray()
                : new long[0];

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> daemon(r, "http-client")))
                .build();
        URI target = URI.create(url + "/api/v1/tickets");

        // pre-flight: is anybody there?
        try {
            HttpResponse<Void> probe = client.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (probe.statusCode() != 200) {
                System.err.println("warning: readiness answered " + probe.statusCode());
            }
        } catch (IOException e) {
            System.err.println("server unreachable at " + url + ": " + e);
            System.exit(2);
        }

        System.out.printf(Locale.ROOT, "%s: POST %s, %d workers, warm-up %d s, measured %d s, %d customer addresses, %s auth%s%n",
                label, target, concurrency, warmup, seconds, emails, token != null ? "token" : "basic",
                categories.length > 0 ? ", categories " + Arrays.toString(categories) : "");

        long t0 = System.nanoTime();
        long measureFrom = t0 + TimeUnit.SECONDS.toNanos(warmup);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong sequence = new AtomicLong();
        Worker[] workers = new Worker[concurrency];
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> daemon(r, "worker"));
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(client, target, authorization, timeout, emails, categories, sequence,
                    measureFrom, measureTo);
            pool.submit(workers[i]);
        }
        pool.shutdown();
        // markers on stdout so that a script can sample server-side CPU over exactly the measured window
        Thread marks = daemon(() -> {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, measureFrom - System.nanoTime()));
                System.out.println("# window open");
                TimeUnit.NANOSECONDS.sleep(Math.max(0, measureTo - System.nanoTime()));
                System.out.println("# window closed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "marks");
        marks.start();
        if (!pool.awaitTermination(warmup + seconds + timeout + 30L, TimeUnit.SECONDS)) {
            System.err.println("workers did not stop in time; figures below may be incomplete");
            pool.shutdownNow();
        }
        marks.join(1000);

        // merge
        long requests = 0;
        long failures = 0;
        long created = 0;
        long warmupRequests = 0;
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> errorKinds = new TreeMap<>();
        long n = 0;
        for (Worker w : workers) {
            n += w.latencyCount;
        }
        long[] latencies = new long[(int) n];
        int at = 0;
        for (Worker w : workers) {
            requests += w.measured;
            failures += w.failed;
            created += w.createdTotal;
            warmupRequests += w.warmupRequests;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            w.errors.forEach((k, v) -> errorKinds.merge(k, v, Long::sum));
            System.arraycopy(w.latencies, 0, latencies, at, w.latencyCount);
            at += w.latencyCount;
        }
        Arrays.sort(latencies);
        long successes = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).mapToLong(Map.Entry::getValue).sum();
        double rps = requests / (double) seconds;
        double okRps = successes / (double) seconds;

        System.out.printf(Locale.ROOT, "  warm-up requests:   %d%n", warmupRequests);
        System.out.printf(Locale.ROOT, "  requests:           %d (completed in the %d s window)%n", requests, seconds);
        System.out.printf(Locale.ROOT, "  by status:          %s%n", statuses.isEmpty() ? "-" : statuses);
        System.out.printf(Locale.ROOT, "  errors:             %d (transport %s, non-2xx %d)%n", failures,
                errorKinds.isEmpty() ? "0" : errorKinds.toString(), requests - successes - errorKinds.values().stream().mapToLong(Long::longValue).sum());
        System.out.printf(Locale.ROOT, "  throughput:         %.1f req/s (%.1f successful/s)%n", rps, okRps);
        System.out.printf(Locale.ROOT, "  latency ms:         p50 %.1f  p90 %.1f  p99 %.1f  max %.1f  (mean %.1f)%n",
                ms(pct(latencies, 50)), ms(pct(latencies, 90)), ms(pct(latencies, 99)),
                ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]), ms(mean(latencies)));
        System.out.printf(Locale.ROOT, "  created in total:   %d (201 answers incl. warm-up and requests in flight at the end)%n", created);
        System.out.printf(Locale.ROOT, "RESULT label=%s concurrency=%d seconds=%d requests=%d ok=%d errors=%d rps=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f created_total=%d%n",
                label, concurrency, seconds, requests, successes, failures, rps, ms(pct(latencies, 50)), ms(pct(latencies, 90)),
                ms(pct(latencies, 99)), ms(latencies.length == 0 ? 0 : latencies[latencies.length - 1]), created);

        if (requests == 0 && warmupRequests == 0) {
            System.exit(2);
        }
        if (requests > 0 && failures * 100 > requests) {
            System.err.printf(Locale.ROOT, "more than 1%% of requests failed (%d of %d)%n", failures, requests);
            System.exit(3);
        }
        System.exit(0);
    }

    /** One closed-loop client: one request in flight at a time. */
    static final class Worker implements Runnable {
        final HttpClient client;
        final URI target;
        final String authorization;
        final int timeout;
        final int emails;
        final long[] categories;
        final AtomicLong sequence;
        final long measureFrom;
        final long measureTo;

        long[] latencies = new long[4096];
        int latencyCount;
        long measured;
        long failed;
        long createdTotal;
        long warmupRequests;
        final Map<String, Long> statuses = new TreeMap<>();
        final Map<String, Long> errors = new TreeMap<>();

        Worker(HttpClient client, URI target, String authorization, int timeout, int emails, long[] categories,
               AtomicLong sequence, long measureFrom, long measureTo) {
            this.client = client;
            this.target = target;
            this.authorization = authorization;
            this.timeout = timeout;
            this.emails = emails;
            this.categories = categories;
            this.sequence = sequence;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void run() {
            int consecutiveRefusals = 0;
            while (System.nanoTime() < measureTo) {
                HttpRequest request = HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(timeout))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(sequence.incrementAndGet()), StandardCharsets.UTF_8))
                        .build();
                long start = System.nanoTime();
                String status;
                boolean ok;
                try {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    status = Integer.toString(response.statusCode());
                    ok = response.statusCode() / 100 == 2;
                    if (response.statusCode() == 201) {
                        createdTotal++;
                    }
                    consecutiveRefusals = 0;
                } catch (ConnectException e) {
                    status = null;
                    ok = false;
                    record("connect", start);
                    if (++consecutiveRefusals > 20) {
                        return; // the server is gone; do not spin
                    }
                    continue;
                } catch (IOException e) {
                    status = null;
                    ok = false;
                    record(e.getClass().getSimpleName(), start);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long end = System.nanoTime();
                if (start >= measureFrom && end <= measureTo) {
                    measured++;
                    statuses.merge(status, 1L, Long::sum);
                    if (!ok) {
                        failed++;
                    }
                    addLatency(end - start);
                } else if (end < measureFrom) {
                    warmupRequests++;
                }
            }
        }

        private void record(String kind, long start) {
            long end = System.nanoTime();
            if (start >= measureFrom && end <= measureTo) {
                measured++;
                failed++;
                errors.merge(kind, 1L, Long::sum);
                addLatency(end - start);
            }
        }

        private void addLatency(long nanos) {
            if (latencyCount == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[latencyCount++] = nanos;
        }

        private String body(long n) {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int customer = r.nextInt(emails);
            String subject = pick(SUBJECT_HEADS, r) + " " + pick(SUBJECT_TAILS, r) + " (№" + n + ")";
            StringBuilder text = new StringBuilder();
            int parts = 2 + r.nextInt(5);
            for (int i = 0; i < parts; i++) {
                if (i > 0) {
                    text.append(r.nextInt(3) == 0 ? "\n\n" : " ");
                }
                text.append(pick(BODY_PARTS, r));
            }
            String name = FIRST_NAMES[customer % FIRST_NAMES.length] + " " + LAST_NAMES[(customer / FIRST_NAMES.length) % LAST_NAMES.length];
            StringBuilder json = new StringBuilder(512);
            json.append("{\"subject\":").append(quote(subject))
                    .append(",\"body\":").append(quote(text.toString()))
                    .append(",\"customerEmail\":").append(quote("bench-" + customer + "@example.ru"))
                    .append(",\"customerName\":").append(quote(name));
            if (categories.length > 0 && r.nextBoolean()) {
                json.append(",\"categoryId\":").append(categories[r.nextInt(categories.length)]);
            }
            return json.append('}').toString();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                System.err.println("unexpected argument: " + a);
                System.exit(64);
            }
            String key = a.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                System.err.println("missing value for " + a);
                System.exit(64);
                return opts;
            }
            opts.put(key, value);
        }
        return opts;
    }

    private static String pick(String[] options, ThreadLocalRandom r) {
        return options[r.nextInt(options.length)];
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long mean(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
