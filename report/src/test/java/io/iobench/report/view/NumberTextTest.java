package io.iobench.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void countsGetSeparatorsAndMeasurementsThreeSignificantDigits() {
        assertThat(NumberText.format(123_456.7, true)).isEqualTo("123,457");
        assertThat(NumberText.format(45.67, false)).isEqualTo("45.7");
        assertThat(NumberText.format(0.012345, false)).isEqualTo("0.0123");
        assertThat(NumberText.format(2.0, false)).isEqualTo("2");
        assertThat(NumberText.format(1234.4, false)).isEqualTo("1,234");
        assertThat(NumberText.format(0, false)).isEqualTo("0");
        assertThat(NumberText.format(-3.456, false)).isEqualTo("-3.46");
        assertThat(NumberText.format(Double.NaN, false)).isEqualTo(NumberText.MISSING);
    }

    @Test
    void missingValuesAreADash() {
        assertThat(NumberText.of(Metric.P99_US, null)).isEqualTo("—");
        assertThat(NumberText.of(Metric.SERVER_THREADS, 21.0)).isEqualTo("21");
    }

    @Test
    void sizesUseBinaryMultiplesOnlyWhenExact() {
        assertThat(NumberText.bytes(64)).isEqualTo("64 B");
        assertThat(NumberText.bytes(16 * 1024)).isEqualTo("16 KiB");
        assertThat(NumberText.bytes(1 << 20)).isEqualTo("1 MiB");
        assertThat(NumberText.bytes(1500)).isEqualTo("1,500 B");
    }

    @Test
    void ratiosHaveTwoDecimals() {
        assertThat(NumberText.ratio(1.5)).isEqualTo("1.50×");
        assertThat(NumberText.ratio(0.333)).isEqualTo("0.33×");
    }
}
