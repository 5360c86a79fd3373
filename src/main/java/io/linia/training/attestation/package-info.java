/**
 * Attestation of a training programme: the question pool, practical tasks with a rubric and settings per programme
 * version ({@link io.linia.training.attestation.AttestationDefinitions}), attempts with questions drawn at random,
 * a server-side time limit, automatic grading and the trainer's rubric grading
 * ({@link io.linia.training.attestation.Attestations}); results go through {@link io.linia.training.TrainingProgress}.
 * A named interface so the demo data can seed a pool.
 */
@org.springframework.modulith.NamedInterface("attestation")
package io.linia.training.attestation;
