package io.linia.training;

import io.linia.accounts.Actor;
import io.linia.accounts.Role;
import io.linia.knowledge.ArticleView;
import io.linia.knowledge.KnowledgeBase;
import io.linia.routing.RoutingDirectory;
import io.linia.shared.DomainException;
import io.linia.shared.SqlTime;
import io.linia.training.attestation.AttestationVersions;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes: administrators and trainers create and change them; all staff read them. A change to a
 * version somebody has enrolled in makes a new version (their enrolment keeps the old one); a version nobody
 * has started yet is still a draft and is changed in place. Study documents are uploaded here.
 */
@Service
@Transactional
public class TrainingProgrammes {

    private static final Map<String, String> ZIP_TYPES = Map.of(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "odt", "application/vnd.oasis.opendocument.text");

    private final TrainingStore store;
    private final KnowledgeBase knowledge;
    private final RoutingDirectory routing;
    private final TrainingProperties settings;
    private final AttestationVersions attestations;
    private final Clock clock;

    TrainingProgrammes(TrainingStore store, KnowledgeBase knowledge, RoutingDirectory routing, TrainingProperties settings,
                       AttestationVersions attestations, Clock clock) {
        this.store = store;
        this.attestations = attestations;
        this.knowledge = knowledge;
        this.routing = routing;
        this.settings = settings;
        this.clock = clock;
    }

    /** Administrators and trainers edit programmes. */
    public static boolean mayEdit(Actor actor) {
        return actor != null && (actor.has(Role.ADMIN) || actor.has(Role.TRAINER));
    }

    @Transactional(readOnly = true)
    public List<ProgrammeView> programmes(Actor actor) {
        Access.requireStaff(actor);
        return store.programmes().stream().map(p -> store.view(p, p.currentVersion())).toList();
    }

    @Transactional(readOnly = true)
    public ProgrammeView programme(Actor actor, long id) {
        Access.requireStaff(actor);
        TrainingStore.ProgrammeRow p = row(id);
        return store.view(p, p.currentVersion());
    }

    /** One version of a programme, as it was (or is). */
    @Transactional(readOnly = true)
    public ProgrammeView version(Actor actor, long id, int number) {
        Access.requireStaff(actor);
        TrainingStore.ProgrammeRow p = row(id);
        Long versionId = store.jdbc().sql("select id from training_programme_version where programme_id = :p and number = :n")
                .param("p", id).param("n", number).query(Long.class).optional()
                .orElseThrow(() -> DomainException.notFound("training.error.versionNotFound", id, number));
        return store.view(p, versionId);
    }

    @Transactional(readOnly = true)
    public List<VersionView> versions(Actor actor, long id) {
        Access.requireStaff(actor);
        row(id);
        return store.versions(id);
    }

    public ProgrammeView create(Actor actor, ProgrammeCommand command) {
        requireEditor(actor);
        ProgrammeCommand checked = check(actor, command);
        Instant now = clock.instant();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", checked.name().strip());
        p.put("description", blankToNull(checked.description()));
        p.put("target", checked.target().name());
        p.put("group", checked.groupId());
        p.put("validity", checked.target() == TargetKind.ROTATION ? null : checked.validityMonths());
        p.put("active", checked.active() == null || checked.active());
        p.put("at", SqlTime.at(now));
        long id = store.insert("insert into training_programme (name, description, target, group_id, validity_months, active, created_at)"
                + " values (:name, :description, :target, :group, :validity, :active, :at)", p);
        long versionId = newVersion(actor, id, 1, checked, now);
        store.jdbc().sql("update training_programme set current_version = :v where id = :id").param("v", versionId).param("id", id).update();
        return programme(actor, id);
    }

    /**
     * Changes a programme's definition (its target stays). Enrolled versions are never touched: the change
     * becomes a new version, which new enrolments start with.
     */
    public ProgrammeView update(Actor actor, long id, ProgrammeCommand command) {
        requireEditor(actor);
        TrainingStore.ProgrammeRow current = row(id);
        if (command.target() != current.target() || (command.target() == TargetKind.GROUP && !current.groupId().equals(command.groupId()))) {
            throw DomainException.invalid("target", "training.error.targetFixed");
        }
        ProgrammeCommand checked = check(actor, command);
        Instant now = clock.instant();
        store.jdbc().sql("update training_programme set name = :name, description = :d, validity_months = :v, active = :a where id = :id")
                .param("name", checked.name().strip()).param("d", blankToNull(checked.description()))
                .param("v", checked.target() == TargetKind.ROTATION ? null : checked.validityMonths())
                .param("a", checked.active() == null || checked.active()).param("id", id).update();
        ProgrammeView before = store.view(current, current.currentVersion());
        if (sameStages(before.toCommand().stages(), checked.stages())) {
            return programme(actor, id);
        }
        if (store.enrolmentsOfVersion(current.currentVersion()) == 0) {
            store.deleteStages(current.currentVersion());
            store.writeStages(current.currentVersion(), checked.stages());
        } else {
            long versionId = newVersion(actor, id, before.latestVersionNumber() + 1, checked, now);
            attestations.copy(current.currentVersion(), versionId);
            store.jdbc().sql("update training_programme set current_version = :v where id = :id").param("v", versionId).param("id", id).update();
        }
        return programme(actor, id);
    }

    private long newVersion(Actor actor, long programmeId, int number, ProgrammeCommand command, Instant now) {
        long versionId = store.insert("insert into training_programme_version (programme_id, number, created_at, created_by_name)"
                + " values (:p, :n, :at, :by)", Map.of("p", programmeId, "n", number, "at", SqlTime.at(now), "by", actor.name()));
        store.writeStages(versionId, command.stages());
        return versionId;
    }

    private static boolean sameStages(List<ProgrammeCommand.StageCommand> a, List<ProgrammeCommand.StageCommand> b) {
        return normalised(a).equals(normalised(b));
    }

    private static List<ProgrammeCommand.StageCommand> normalised(List<ProgrammeCommand.StageCommand> stages) {
        return stages.stream().map(s -> new ProgrammeCommand.StageCommand(s.kind(), s.title().strip(), s.suggestedDays(),
                s.kind().counted() ? s.minimumAmount() : null, s.kind().counted() ? s.minimumUnit() : null,
                s.kind() == StageKind.STUDY ? s.materials() : List.of(),
                s.kind() == StageKind.TRAINER_SESSION ? s.checklist().stream().map(String::strip).toList() : List.of())).toList();
    }

    /**
     * Every rule of a definition beyond the annotations: the group of a group programme exists, each stage has its
     * content (materials, checklist, minimum), articles and documents exist. Material titles default to the
     * article's or document's own. Refusals name the field, e.g. {@code stages[0].materials[1].articleId}.
     */
    private ProgrammeCommand check(Actor actor, ProgrammeCommand c) {
        if (c.name() == null || c.name().isBlank()) {
            throw DomainException.invalid("name", "training.error.required");
        }
        if (c.target() == null) {
            throw DomainException.invalid("target", "training.error.required");
        }
        if (c.target() == TargetKind.GROUP) {
            if (c.groupId() == null || routing.group(c.groupId()).isEmpty()) {
                throw DomainException.invalid("groupId", "training.error.noSuchGroup", c.groupId() == null ? "—" : c.groupId());
            }
        } else if (c.groupId() != null) {
            throw DomainException.invalid("groupId", "training.error.groupOnlyForGroup");
        }
        if (c.stages().isEmpty()) {
            throw DomainException.invalid("stages", "training.error.noStages");
        }
        List<ProgrammeCommand.StageCommand> stages = new ArrayList<>();
        for (int i = 0; i < c.stages().size(); i++) {
            ProgrammeCommand.StageCommand s = c.stages().get(i);
            String f = "stages[" + i + "]";
            if (s.kind() == null) {
                throw DomainException.invalid(f + ".kind", "training.error.required");
            }
            if (s.title() == null || s.title().isBlank()) {
                throw DomainException.invalid(f + ".title", "training.error.required");
            }
            if (s.suggestedDays() == null || s.suggestedDays() < 1 || s.suggestedDays() > 365) {
                throw DomainException.invalid(f + ".suggestedDays", "training.error.days");
            }
            List<ProgrammeCommand.MaterialCommand> materials = new ArrayList<>();
            switch (s.kind()) {
                case STUDY -> {
                    if (s.materials().isEmpty()) {
                        throw DomainException.invalid(f + ".materials", "training.error.noMaterials");
                    }
                    for (int m = 0; m < s.materials().size(); m++) {
                        materials.add(material(actor, s.materials().get(m), f + ".materials[" + m + "]"));
                    }
                }
                case TRAINER_SESSION -> {
                    if (s.checklist().isEmpty() || s.checklist().stream().anyMatch(t -> t == null || t.isBlank())) {
                        throw DomainException.invalid(f + ".checklist", "training.error.noChecklist");
                    }
                }
                case SHADOWING, SUPERVISED_WORK -> {
                    if (s.minimumAmount() == null || s.minimumAmount() < 1) {
                        throw DomainException.invalid(f + ".minimumAmount", "training.error.minimum");
                    }
                    if (s.minimumUnit() == null) {
                        throw DomainException.invalid(f + ".minimumUnit", "training.error.required");
                    }
                }
                case ATTESTATION -> {
                }
            }
            stages.add(new ProgrammeCommand.StageCommand(s.kind(), s.title(), s.suggestedDays(), s.minimumAmount(), s.minimumUnit(),
                    materials, s.checklist()));
        }
        return new ProgrammeCommand(c.name(), c.description(), c.target(), c.groupId(), c.validityMonths(), c.active(), stages);
    }

    private ProgrammeCommand.MaterialCommand material(Actor actor, ProgrammeCommand.MaterialCommand m, String field) {
        if ((m.articleId() == null) == (m.documentId() == null)) {
            throw DomainException.invalid(field + ".articleId", "training.error.articleOrDocument");
        }
        String title;
        if (m.articleId() != null) {
            try {
                ArticleView article = knowledge.get(actor, m.articleId());
                title = article.title();
            } catch (DomainException e) {
                throw DomainException.invalid(field + ".articleId", "training.error.noSuchArticle", m.articleId());
            }
        } else {
            title = store.jdbc().sql("select name from training_document where id = :id").param("id", m.documentId()).query(String.class)
                    .optional().orElseThrow(() -> DomainException.invalid(field + ".documentId", "training.error.noSuchDocument", m.documentId()));
        }
        String own = m.title() == null || m.title().isBlank() ? title : m.title().strip();
        return new ProgrammeCommand.MaterialCommand(m.articleId(), m.documentId(), own.length() > 200 ? own.substring(0, 200) : own);
    }

    // ------------------------------------------------------------------ documents

    /**
     * Uploads a study document (editors): at most {@code linia.training.max-document-size}; PDF, Office Open XML
     * and OpenDocument text, PNG, JPEG, or UTF-8 plain text / Markdown — recognised by the first bytes, not by the
     * name the browser sends.
     */
    public DocumentView upload(Actor actor, String fileName, byte[] content) {
        requireEditor(actor);
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw DomainException.invalid("file", "training.error.fileName");
        }
        if (content == null || content.length == 0) {
            throw DomainException.invalid("file", "training.error.fileEmpty");
        }
        if (content.length > settings.maxDocumentSize().toBytes()) {
            throw DomainException.invalid("file", "training.error.fileTooLarge", settings.maxDocumentSize().toMegabytes());
        }
        String type = sniff(name, content);
        if (type == null) {
            throw DomainException.invalid("file", "training.error.fileType");
        }
        Instant now = clock.instant();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("type", type);
        p.put("size", (long) content.length);
        p.put("content", content);
        p.put("at", SqlTime.at(now));
        p.put("by", actor.name());
        long id = store.insert("insert into training_document (name, content_type, size_bytes, content, uploaded_at, uploaded_by_name)"
                + " values (:name, :type, :size, :content, :at, :by)", p);
        return new DocumentView(id, name, type, content.length, now, actor.name());
    }

    @Transactional(readOnly = true)
    public List<DocumentView> documents(Actor actor) {
        Access.requireStaff(actor);
        return store.jdbc().sql("select id, name, content_type, size_bytes, uploaded_at, uploaded_by_name from training_document order by id desc")
                .query((rs, n) -> new DocumentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        SqlTime.instant(rs, "uploaded_at"), rs.getString(6))).list();
    }

    /** A document's content: staff read study documents. */
    @Transactional(readOnly = true)
    public DocumentContent document(Actor actor, long id) {
        Access.requireStaff(actor);
        return store.jdbc().sql("select name, content_type, content from training_document where id = :id").param("id", id)
                .query((rs, n) -> new DocumentContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional()
                .orElseThrow(() -> DomainException.notFound("training.error.documentNotFound", id));
    }

    static String sniff(String name, byte[] b) {
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return ZIP_TYPES.get(ext);
        }
        if ((ext.equals("txt") || ext.equals("md")) && isText(b)) {
            return ext.equals("md") ? "text/markdown" : "text/plain";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------

    private TrainingStore.ProgrammeRow row(long id) {
        return store.programme(id).orElseThrow(() -> DomainException.notFound("training.error.programmeNotFound", id));
    }

    private static void requireEditor(Actor actor) {
        if (!mayEdit(actor)) {
            throw DomainException.forbidden("training.error.editorsOnly");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
