package io.linia.routing.categorisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A trained model as every node loads it: the newest row wins. */
@Entity
@Table(name = "categoriser_model")
class StoredModel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "categoriser_model_seq")
    @SequenceGenerator(name = "categoriser_model_seq", sequenceName = "categoriser_model_seq", allocationSize = 50)
    private Long id;
    private Instant trainedAt;
    private int examples;
    private int categories;
    private Double accuracy;
    private long trainingMillis;
    @Column(name = "model")
    private byte[] model;

    protected StoredModel() {
    }

    StoredModel(CategoryModel.Facts facts, byte[] model) {
        this.trainedAt = facts.trainedAt();
        this.examples = facts.examples();
        this.categories = facts.categories();
        this.accuracy = facts.accuracy();
        this.trainingMillis = facts.trainingMillis();
        this.model = model;
    }

    Long id() {
        return id;
    }

    byte[] model() {
        return model;
    }
}
