package io.linia.knowledge;

import io.linia.accounts.Actor;
import io.linia.knowledge.internal.Article;
import io.linia.knowledge.internal.ArticleRepository;
import io.linia.knowledge.internal.CsvTable;
import io.linia.knowledge.internal.MarkdownArticleFile;
import io.linia.knowledge.internal.TransferProperties;
import io.linia.knowledge.internal.Transliteration;
import io.linia.routing.CategoryCommand;
import io.linia.routing.CategoryRef;
import io.linia.routing.RoutingAdministration;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.CleanTextValidator;
import io.linia.shared.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole knowledge base in and out: CSV (one article per record) and a zip of Markdown files
 * (one per article, with a small front matter). An import is checked completely before anything
 * is written, then creates its missing categories and all its articles in one transaction: a file
 * with one bad line changes nothing, and the refusal names that line.
 */
@Service
@Transactional
public class ArticleTransfer {

    /** Columns of an exported CSV, in order. */
    public static final List<String> CSV_HEADER = List.of("title", "body", "category", "audience", "tags", "language", "status");
    /** Separates the two levels of a category in a CSV cell and in the front matter. */
    public static final String PATH_SEPARATOR = " / ";
    static final int MAX_ERRORS = 20;
    static final int MAX_ZIP_ENTRIES = 100_000;
    private static final int EXPORT_PAGE = 500;
    private static final java.util.regex.Pattern PATH_SPLIT = java.util.regex.Pattern.compile("\\s+/\\s+");
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final java.util.regex.Pattern ODD_SPACE = java.util.regex.Pattern.compile("[\\u00A0\\u2007\\u202F\\u2000-\\u200A\\u3000\\s]+");

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), ZIP("application/zip", "zip");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** {@code csv} or {@code zip} in any case; anything else is refused naming the {@code format} field. */
        public static Format of(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw DomainException.invalid("format", "kbTransfer.error.format", value);
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /**
     * Which CSV column (by its header) holds what. {@code title} and {@code body} must be in the
     * file; the others are read when the file has them and may be blank (not used). The category is
     * one column with a path "Upper / Lower", or two columns, {@code category} and {@code subcategory}.
     */
    public record Columns(String title, String body, String category, String subcategory, String audience, String tags,
                          String language, String status) {

        public Columns {
            title = title == null || title.isBlank() ? "title" : title.strip();
            body = body == null || body.isBlank() ? "body" : body.strip();
        }

        /** The columns of Linia's own export. */
        public static Columns defaults() {
            return new Columns("title", "body", "category", "", "audience", "tags", "language", "status");
        }

        /** The layout of the RuTube support knowledge base (question, answer, two classifier levels, topic as a tag). */
        public static Columns rutube() {
            return new Columns("Вопрос из БЗ", "Ответ из БЗ", "Классификатор 1 уровня", "Классификатор 2 уровня", "", "Тема", "", "");
        }

        Map<String, String> byField() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("body", body);
            m.put("category", category);
            m.put("subcategory", subcategory);
            m.put("audience", audience);
            m.put("tags", tags);
            m.put("language", language);
            m.put("status", status);
            return m;
        }
    }

    /**
     * What an import did: articles and categories created (the new categories as paths), the mapped
     * columns the file did not have, and the new articles' ids in file order.
     */
    public record Summary(int articles, int categories, List<String> createdCategories, List<String> missingColumns,
                          List<Long> articleIds) {
    }

    /** One reason an import was refused: the physical line (and, in a zip, the file) and what is wrong there. */
    public record Problem(Integer line, String entry, String message) {
    }

    private final KnowledgeBase knowledgeBase;
    private final ArticleRepository articles;
    private final RoutingDirectory routingDirectory;
    private final RoutingAdministration routingAdministration;
    private final Validator validator;
    private final MessageSource messages;
    private final TransferProperties properties;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    ArticleTransfer(KnowledgeBase knowledgeBase, ArticleRepository articles, RoutingDirectory routingDirectory,
                    RoutingAdministration routingAdministration, Validator validator, MessageSource messages,
                    TransferProperties properties, Clock clock) {
        this.knowledgeBase = knowledgeBase;
        this.articles = articles;
        this.routingDirectory = routingDirectory;
        this.routingAdministration = routingAdministration;
        this.validator = validator;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    public long maxFileBytes() {
        return properties.maxBytes();
    }

    /** Reads an upload up to the size limit; a larger one is refused without reading it all. */
    public byte[] readUpload(InputStream in) {
        try {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxBytes() + 1));
            requireSize(data);
            return data;
        } catch (IOException e) {
            throw DomainException.invalid("file", "kbTransfer.error.unreadable");
        }
    }

    // ================================================================== import

    public Summary importFile(Actor actor, Format format, byte[] data, Columns columns) {
        return format == Format.ZIP ? importZip(actor, data) : importCsv(actor, data, columns == null ? Columns.defaults() : columns);
    }

    public Summary importCsv(Actor actor, byte[] data, Columns columns) {
        requireEditor(actor);
        requireSize(data);
        List<CsvTable.Row> rows;
        try {
            String text = CsvTable.decode(data);
            if (text.isBlank()) {
                throw refused(List.of(problem(1, null, "kbTransfer.error.empty")));
            }
            rows = CsvTable.parse(text, CsvTable.detectDelimiter(text));
        } catch (CsvTable.Malformed m) {
            throw refused(List.of(problem(m.line(), null, m.reason(), m.args())));
        }
        CsvTable.Row header = rows.get(0);
        Map<String, Integer> index = new HashMap<>();
        List<String> headerNames = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = oneLine(header.cells().get(i).value());
            headerNames.add(name);
            index.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        columns.byField().forEach((field, name) -> {
            if (name == null || name.isBlank()) {
                return;
            }
            Integer at = index.get(oneLine(name).toLowerCase(Locale.ROOT));
            if (at != null) {
                columnOf.put(field, at);
            } else if (field.equals("title") || field.equals("body")) {
                problems.add(problem(header.line(), null, "kbTransfer.error.noColumn", name, String.join(", ", headerNames)));
            } else {
                missing.add(name);
            }
        });
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        if (rows.size() < 2) {
            throw refused(List.of(problem(header.line(), null, "kbTransfer.error.noArticles")));
        }
        Map<String, String> labels = new HashMap<>();
        columnOf.forEach((field, at) -> labels.put(field, headerNames.get(at)));
        List<Draft> drafts = new ArrayList<>();
        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            if (problems.size() >= MAX_ERRORS) {
                break;
            }
            if (row.size() != header.size()) {
                problems.add(problem(row.line(), null, "kbTransfer.error.fieldCount", header.size(), row.size()));
                continue;
            }
            Map<String, Field> fields = new HashMap<>();
            columnOf.forEach((field, at) -> {
                CsvTable.Cell cell = row.cells().get(at);
                fields.put(field, new Field(cell.value(), cell.line(), labels.get(field)));
            });
            Draft draft = draft(fields, row.line(), null, problems);
            if (draft != null) {
                drafts.add(draft);
            }
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        return write(actor, drafts, missing, text("kbTransfer.changeNote.csv"));
    }

    public Summary importZip(Actor actor, byte[] data) {
        requireEditor(actor);
        requireSize(data);
        if (data.length < 4 || data[0] != 'P' || data[1] != 'K') {
            throw refused(List.of(problem(null, null, "kbTransfer.error.notZip")));
        }
        List<Problem> problems = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && problems.size() < MAX_ERRORS) {
                String name = entry.getName();
                String base = name.substring(name.lastIndexOf('/') + 1);
                if (entry.isDirectory() || name.startsWith("__MACOSX/") || base.startsWith(".")
                        || !base.toLowerCase(Locale.ROOT).endsWith(".md")) {
                    continue;
                }
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw refused(List.of(problem(null, null, "kbTransfer.error.zipTooBig")));
                }
                byte[] content = readLimited(zip, properties.maxUnpackedBytes() - unpacked);
                unpacked += content.length;
                if (unpacked > properties.maxUnpackedBytes()) {
                    throw refused(List.of(problem(null, null, "kbTransfer.error.zipTooBig")));
                }
                try {
                    MarkdownArticleFile.Parsed parsed = MarkdownArticleFile.parse(CsvTable.decode(content));
                    Map<String, Field> fields = new HashMap<>();
                    parsed.fields().forEach((key, cell) -> fields.put(key, new Field(cell.value(), cell.line(), key)));
                    fields.put("body", new Field(parsed.body(), parsed.bodyLine(), "body"));
                    int titleLine = fields.containsKey("title") ? fields.get("title").line() : 1;
                    fields.putIfAbsent("title", new Field("", titleLine, "title"));
                    Draft draft = draft(fields, 1, name, problems);
                    if (draft != null) {
                        drafts.add(draft);
                    }
                } catch (CsvTable.Malformed m) {
                    problems.add(problem(m.line(), name, m.reason(), m.args()));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a damaged archive, or entry names that are not UTF-8
            throw refused(List.of(problem(null, null, "kbTransfer.error.notZip")));
        }
        if (!problems.isEmpty()) {
            throw refused(problems);
        }
        if (drafts.isEmpty()) {
            throw refused(List.of(problem(null, null, "kbTransfer.error.noMarkdown")));
        }
        return write(actor, drafts, List.of(), text("kbTransfer.changeNote.zip"));
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        int read;
        long total = 0;
        while ((read = in.read(buffer)) > 0) {
            total += read;
            out.write(buffer, 0, read);
            if (total > remaining) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** A value as the file has it, the physical line it starts on and the column (or front-matter key) it came from. */
    private record Field(String value, int line, String label) {
    }

    /** A checked article waiting for its category: the command (no category yet) and the category path. */
    private record Draft(ArticleCommand command, List<String> path) {
    }

    /** Builds and checks one article; adds what is wrong to {@code problems} and returns null then. */
    private Draft draft(Map<String, Field> fields, int recordLine, String entry, List<Problem> problems) {
        int before = problems.size();
        Field titleField = fields.get("title");
        Field bodyField = fields.get("body");
        String title = oneLine(titleField.value());
        String body = bodyField.value().replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").strip();
        if (title.isEmpty()) {
            problems.add(problem(titleField.line(), entry, "kbTransfer.error.noTitle", titleField.label()));
        }
        if (body.isEmpty()) {
            problems.add(problem(bodyField.line(), entry, "kbTransfer.error.noBody", bodyField.label()));
        }
        Audience audience = Audience.PUBLIC;
        Field a = fields.get("audience");
        if (a != null && !oneLine(a.value()).isEmpty()) {
            audience = switch (oneLine(a.value()).toLowerCase(Locale.ROOT)) {
                case "public", "публичная", "для всех" -> Audience.PUBLIC;
                case "internal", "внутренняя", "для сотрудников" -> Audience.INTERNAL;
                default -> {
                    problems.add(problem(a.line(), entry, "kbTransfer.error.audience", a.label(), oneLine(a.value())));
                    yield null;
                }
            };
        }
        ArticleStatus status = ArticleStatus.PUBLISHED;
        Field s = fields.get("status");
        if (s != null && !oneLine(s.value()).isEmpty()) {
            status = switch (oneLine(s.value()).toLowerCase(Locale.ROOT)) {
                case "published", "опубликована" -> ArticleStatus.PUBLISHED;
                case "draft", "черновик" -> ArticleStatus.DRAFT;
                case "archived", "в архиве", "архив" -> ArticleStatus.ARCHIVED;
                default -> {
                    problems.add(problem(s.line(), entry, "kbTransfer.error.status", s.label(), oneLine(s.value())));
                    yield null;
                }
            };
        }
        String language = "ru";
        Field l = fields.get("language");
        if (l != null && !oneLine(l.value()).isEmpty()) {
            language = oneLine(l.value()).toLowerCase(Locale.ROOT);
            if (!language.equals("ru") && !language.equals("en")) {
                problems.add(problem(l.line(), entry, "kbTransfer.error.language", l.label(), oneLine(l.value())));
            }
        }
        Field t = fields.get("tags");
        String tags = t == null ? "" : tags(t.value());
        List<String> path = path(fields, entry, problems);
        if (problems.size() > before) {
            return null;
        }
        ArticleCommand command = new ArticleCommand(title, body, null, audience, language, tags, status, null, null);
        for (ConstraintViolation<ArticleCommand> v : validator.validate(command)) {
            String property = v.getPropertyPath().toString();
            Field f = fields.getOrDefault(property, new Field("", recordLine, property));
            problems.add(problem(f.line(), entry, "kbTransfer.error.field", f.label(), v.getMessage()));
        }
        return problems.size() > before ? null : new Draft(command, path);
    }

    private List<String> path(Map<String, Field> fields, String entry, List<Problem> problems) {
        Field c = fields.get("category");
        Field sub = fields.get("subcategory");
        List<String> path = new ArrayList<>();
        if (c != null && !oneLine(c.value()).isEmpty()) {
            for (String part : PATH_SPLIT.split(oneLine(c.value()))) {
                if (!part.isBlank()) {
                    path.add(part.strip());
                }
            }
        }
        if (sub != null && !oneLine(sub.value()).isEmpty()) {
            if (path.isEmpty()) {
                problems.add(problem(sub.line(), entry, "kbTransfer.error.subcategoryAlone", sub.label()));
                return List.of();
            }
            path.add(oneLine(sub.value()));
        }
        Field where = c != null ? c : sub;
        if (path.size() > 2) {
            problems.add(problem(where.line(), entry, "kbTransfer.error.categoryDepth", where.label()));
        }
        for (String name : path) {
            if (name.length() > 120 || CleanTextValidator.problemOf(name, 480) != null) {
                problems.add(problem(where.line(), entry, "kbTransfer.error.categoryName", where.label()));
                break;
            }
        }
        return path;
    }

    /** Creates the missing categories, then the articles, all in the caller's (this) transaction. */
    private Summary write(Actor actor, List<Draft> drafts, List<String> missingColumns, String changeNote) {
        List<CategoryRef> existing = routingDirectory.categories();
        Set<String> codes = new HashSet<>();
        existing.forEach(c -> codes.add(c.code()));
        Map<String, Long> tops = new HashMap<>();
        Map<String, Long> children = new HashMap<>();
        for (CategoryRef c : existing) {
            if (c.parentId() == null) {
                tops.putIfAbsent(key(c.nameRu()), c.id());
                tops.putIfAbsent(key(c.nameEn()), c.id());
            }
        }
        for (CategoryRef c : existing) {
            if (c.parentId() != null) {
                children.putIfAbsent(c.parentId() + "/" + key(c.nameRu()), c.id());
                children.putIfAbsent(c.parentId() + "/" + key(c.nameEn()), c.id());
            }
        }
        List<String> created = new ArrayList<>();
        List<ArticleCommand> commands = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            Long categoryId = null;
            if (!d.path().isEmpty()) {
                String top = d.path().get(0);
                Long topId = tops.get(key(top));
                if (topId == null) {
                    String code = freeCode(Transliteration.slug(top, 50), codes);
                    topId = routingAdministration.createCategory(new CategoryCommand(code, top, top, null, true)).id();
                    tops.put(key(top), topId);
                    created.add(top);
                }
                categoryId = topId;
                if (d.path().size() == 2) {
                    String child = d.path().get(1);
                    Long childId = children.get(topId + "/" + key(child));
                    if (childId == null) {
                        String slug = Transliteration.slug(top, 24) + "-" + Transliteration.slug(child, 34);
                        String code = freeCode(slug, codes);
                        childId = routingAdministration.createCategory(new CategoryCommand(code, child, child, null, true, topId)).id();
                        children.put(topId + "/" + key(child), childId);
                        created.add(top + PATH_SEPARATOR + child);
                    }
                    categoryId = childId;
                }
            }
            ArticleCommand c = d.command();
            commands.add(new ArticleCommand(c.title(), c.body(), categoryId, c.audience(), c.language(), c.tags(), c.status(),
                    changeNote, null));
        }
        List<Long> ids = knowledgeBase.createAll(actor, commands).stream().map(ArticleView::id).toList();
        return new Summary(ids.size(), created.size(), List.copyOf(created), List.copyOf(missingColumns), ids);
    }

    /** The slug itself, or with -2, -3… when taken; "category" when the name has no letters to transliterate. */
    private static String freeCode(String slug, Set<String> taken) {
        String base = slug.replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "category";
        }
        String code = base;
        for (int n = 2; taken.contains(code); n++) {
            code = base + "-" + n;
        }
        taken.add(code);
        return code;
    }

    private static String key(String name) {
        return name == null ? "" : oneLine(name).toLowerCase(Locale.ROOT);
    }

    /** One line of text as a person means it: zero-width characters gone, any run of spaces (non-breaking too) as one. */
    static String oneLine(String value) {
        if (value == null) {
            return "";
        }
        return ODD_SPACE.matcher(INVISIBLE.matcher(value).replaceAll("")).replaceAll(" ").strip();
    }

    private static String tags(String value) {
        List<String> out = new ArrayList<>();
        for (String tag : value.split("[,;\\n]")) {
            String t = oneLine(tag);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return String.join(", ", out);
    }

    // ================================================================== export

    /** The whole base (every status and audience) as CSV with {@link #CSV_HEADER}, RFC 4180, UTF-8 without BOM. */
    @Transactional(readOnly = true)
    public void exportCsv(Actor actor, OutputStream out) {
        requireStaff(actor);
        Map<Long, String> paths = categoryPaths();
        try {
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get().print(writer);
            forEachArticle(a -> {
                try {
                    printer.printRecord(a.title(), a.body(), paths.getOrDefault(a.categoryId(), ""), lower(a.audience()),
                            String.join(", ", a.tagList()), a.language(), lower(a.status()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole base as a zip: {@code <category>/<subcategory>/<id>-<slug>.md}, front matter and body. */
    @Transactional(readOnly = true)
    public void exportZip(Actor actor, OutputStream out) {
        requireStaff(actor);
        Map<Long, String> paths = categoryPaths();
        Map<Long, String> folders = categoryFolders();
        try {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            forEachArticle(a -> {
                Map<String, String> front = new LinkedHashMap<>();
                front.put("title", a.title());
                front.put("category", paths.get(a.categoryId()));
                front.put("audience", lower(a.audience()));
                front.put("language", a.language());
                front.put("tags", String.join(", ", a.tagList()));
                front.put("status", lower(a.status()));
                String slug = Transliteration.slug(a.title(), 60);
                String name = folders.getOrDefault(a.categoryId(), "") + a.id() + (slug.isEmpty() ? "" : "-" + slug) + ".md";
                try {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(MarkdownArticleFile.write(front, a.body()).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code linia-kb-2026-11-25.csv} */
    public String fileName(Format format) {
        return "linia-kb-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + format.extension();
    }

    private void forEachArticle(java.util.function.Consumer<Article> action) {
        long after = 0;
        while (true) {
            List<Article> page = articles.page(null, null, null, after, Limit.of(EXPORT_PAGE));
            page.forEach(action);
            if (page.size() < EXPORT_PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
            // an export of a large base need not keep every article it wrote in memory
            entityManager.clear();
        }
    }

    private Map<Long, String> categoryPaths() {
        Map<Long, CategoryRef> all = new HashMap<>();
        routingDirectory.categories().forEach(c -> all.put(c.id(), c));
        Map<Long, String> paths = new HashMap<>();
        all.values().forEach(c -> {
            CategoryRef parent = c.parentId() == null ? null : all.get(c.parentId());
            paths.put(c.id(), parent == null ? c.nameRu() : parent.nameRu() + PATH_SEPARATOR + c.nameRu());
        });
        return paths;
    }

    /** Folder names for the zip: the category names with characters that file systems refuse replaced. */
    private Map<Long, String> categoryFolders() {
        Map<Long, CategoryRef> all = new HashMap<>();
        routingDirectory.categories().forEach(c -> all.put(c.id(), c));
        Map<Long, String> folders = new HashMap<>();
        all.values().forEach(c -> {
            CategoryRef parent = c.parentId() == null ? null : all.get(c.parentId());
            folders.put(c.id(), (parent == null ? "" : folder(parent.nameRu()) + "/") + folder(c.nameRu()) + "/");
        });
        return folders;
    }

    private static String folder(String name) {
        String f = name.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "-").strip();
        f = f.replaceAll("^\\.+", "");
        return f.isEmpty() ? "-" : f;
    }

    private static String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT);
    }

    // ================================================================== refusals

    private void requireSize(byte[] data) {
        if (data.length > properties.maxBytes()) {
            throw DomainException.invalid("file", "kbTransfer.error.tooLarge", properties.maxFileSize().toMegabytes())
                    .with("maxBytes", properties.maxBytes());
        }
    }

    private static void requireEditor(Actor actor) {
        if (!KnowledgeBase.canEdit(actor)) {
            throw DomainException.forbidden("linia.refusal.kbEditorsOnly");
        }
    }

    private static void requireStaff(Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw DomainException.forbidden("kbTransfer.refusal.staffOnly");
        }
    }

    private Problem problem(Integer line, String entry, String reasonKey, Object... args) {
        String reason = text(reasonKey, args);
        String where = entry == null
                ? (line == null ? "" : text("kbTransfer.where.line", String.valueOf(line)))
                : (line == null ? text("kbTransfer.where.entry", entry) : text("kbTransfer.where.entryLine", entry, String.valueOf(line)));
        return new Problem(line, entry, where.isEmpty() ? reason : where + ": " + reason);
    }

    /** The refusal of a whole file: the first problem in the message, all of them (up to 20) in {@code errors}. */
    private static DomainException refused(List<Problem> problems) {
        Problem first = problems.get(0);
        DomainException e = DomainException.invalid("file", "kbTransfer.refused", first.message());
        if (first.line() != null) {
            e.with("line", first.line());
        }
        if (first.entry() != null) {
            e.with("entry", first.entry());
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_ERRORS))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", "file");
            if (p.line() != null) {
                m.put("line", p.line());
            }
            if (p.entry() != null) {
                m.put("entry", p.entry());
            }
            m.put("message", p.message());
            errors.add(m);
        }
        return e.with("errors", errors);
    }

    /** The problems of a refused import, for a page that lists them next to the file field. */
    @SuppressWarnings("unchecked")
    public static List<Problem> problemsOf(DomainException refusal) {
        Object errors = refusal.properties().get("errors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(new Problem((Integer) m.get("line"), (String) m.get("entry"), Objects.toString(m.get("message"), "")));
        }
        return out;
    }

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, key, locale);
    }
}
