package io.linia.training;

import java.util.List;

/** An agent's whole path: every enrolment (programme, version, stages with dates, trainer, attestation scores) and certification. */
public record AgentHistory(long userId, String userName, List<EnrolmentView> enrolments, List<CertificationView> certifications) {
}
