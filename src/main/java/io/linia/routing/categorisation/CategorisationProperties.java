package io.linia.routing.categorisation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code linia.categorisation.*}: {@code confident-at} — the probability from which a suggestion
 * is pre-selected (and set on a new ticket without a category); {@code retrain-cron} and
 * {@code zone} — the nightly retraining ("-" turns it off); {@code train-on-start} — train when
 * there is no stored model yet; {@code max-examples} — at most this many examples (a random sample)
 * are held in memory for training; {@code max-features}, {@code bigrams}, {@code cost} — the
 * model's size, whether pairs of words count, LIBLINEAR's C; {@code reload-every} — how often a
 * node looks for a model another node trained; {@code keep-models} — stored models kept.
 */
@ConfigurationProperties("linia.categorisation")
record CategorisationProperties(Double confidentAt, String retrainCron, String zone, Boolean trainOnStart,
                                Integer maxExamples, Integer maxFeatures, Boolean bigrams, Double cost,
                                Duration reloadEvery, Integer keepModels) {

    CategorisationProperties {
        confidentAt = confidentAt == null ? 0.4 : confidentAt;
        retrainCron = retrainCron == null ? "0 30 3 * * *" : retrainCron;
        zone = zone == null ? "Europe/Moscow" : zone;
        trainOnStart = trainOnStart == null || trainOnStart;
        maxExamples = maxExamples == null ? 200_000 : maxExamples;
        maxFeatures = maxFeatures == null ? 1 << 15 : maxFeatures;
        bigrams = bigrams == null || bigrams;
        cost = cost == null ? 4.0 : cost;
        reloadEvery = reloadEvery == null ? Duration.ofMinutes(1) : reloadEvery;
        keepModels = keepModels == null ? 3 : Math.max(1, keepModels);
    }

    ModelTrainer.Settings settings() {
        return new ModelTrainer.Settings(maxExamples, maxFeatures, bigrams, cost);
    }
}
