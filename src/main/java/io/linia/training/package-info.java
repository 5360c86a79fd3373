/**
 * Training: programmes per target (the first line, a second-line group, rotation courses) as ordered
 * stages kept in versions; enrolments with deadlines and the progression rules; reading tracked per
 * material; the trainer's checklist; counted shadowing and supervised work; attestation results; the
 * certification register; rotation rules; each agent's history. Public API: {@link io.linia.training.TrainingProgrammes},
 * {@link io.linia.training.Enrolments}, {@link io.linia.training.TrainingProgress} (the seam for shadowing, supervised
 * work and attestation), {@link io.linia.training.Certifications}, {@link io.linia.training.Rotations},
 * {@link io.linia.training.TrainingHistory}, {@link io.linia.training.Shadowing} (the trainee's live view of the trainer's
 * ticket work, read through tickets' {@link io.linia.tickets.AgentWork}, with questions and answers; migration V35),
 * {@link io.linia.training.TraineesAtWork} (who is at a stage of ticket work now, read by the workforce roster),
 * the records beside them and the events
 * {@link io.linia.training.CertificationChanged}, {@link io.linia.training.StageStarted},
 * {@link io.linia.training.EnrolmentCompleted}. The attestation itself (question pool, practical tasks, attempts, grading) lives in
 * {@code io.linia.training.attestation}, a named interface the demo data uses to seed a pool.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Training")
package io.linia.training;
