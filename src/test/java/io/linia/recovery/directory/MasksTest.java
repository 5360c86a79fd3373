package io.linia.recovery.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void russianPhoneKeepsOnlyTheLastTwoDigits() {
        assertThat(Masks.phone("+79161234567")).isEqualTo("+7 *** ***-**-67");
        assertThat(Masks.phone("8 (916) 123-45-67")).isEqualTo("+7 *** ***-**-67");
        assertThat(Masks.phone("+375291234501")).isEqualTo("+3 *********01");
        assertThat(Masks.phone(null)).isNull();
        assertThat(Masks.phone("  ")).isNull();
    }

    @Test
    void emailKeepsTheFirstLetterAndTheDomain() {
        assertThat(Masks.email("ivanova.anna@example.ru")).isEqualTo("i***@example.ru");
        assertThat(Masks.email("d@почта.рф")).isEqualTo("d***@почта.рф");
        assertThat(Masks.email(null)).isNull();
    }
}
