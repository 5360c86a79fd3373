package io.linia.training.web;

import io.linia.routing.GroupRef;
import io.linia.routing.RoutingDirectory;
import io.linia.training.CertificationTarget;
import io.linia.training.TargetKind;
import io.linia.web.Refusals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names of targets and groups, and dates, as the training pages show them ({@code @trainingLabels} in templates). */
@Component("trainingLabels")
class TrainingLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final RoutingDirectory routing;
    private final Refusals refusals;
    private final io.linia.training.TrainingProperties settings;

    TrainingLabels(RoutingDirectory routing, Refusals refusals, io.linia.training.TrainingProperties settings) {
        this.routing = routing;
        this.refusals = refusals;
        this.settings = settings;
    }

    public String target(TargetKind kind, Long groupId) {
        if (kind == TargetKind.GROUP && groupId != null) {
            return refusals.text("training.target.GROUP") + ": " + group(groupId);
        }
        return refusals.text("training.target." + kind);
    }

    public String target(CertificationTarget t) {
        return target(t.kind(), t.groupId());
    }

    public String group(Long id) {
        return id == null ? "—" : routing.group(id).map(g -> g.name(LocaleContextHolder.getLocale())).orElse("#" + id);
    }

    public List<GroupRef> groups() {
        return routing.activeGroups();
    }

    public String day(LocalDate d) {
        return d == null ? "—" : DAY.format(d);
    }

    public String day(Instant i) {
        return i == null ? "—" : DAY.format(LocalDate.ofInstant(i, settings.zone()));
    }

    public String minutes(int seconds) {
        return seconds < 60 ? seconds + " " + refusals.text("training.unit.seconds") : seconds / 60 + " " + refusals.text("training.unit.minutes");
    }
}
