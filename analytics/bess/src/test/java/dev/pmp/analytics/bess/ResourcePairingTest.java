package dev.pmp.analytics.bess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing rules of load resources and renamed ESRs, and the overrides file. */
class ResourcePairingTest {
    static final List<String> GENS = List.of("ALPHA_UNIT1", "ALPHA_UNIT2", "BETA_BESS1", "GAMMA_ESS", "DELTA_STORAGE");

    @Test
    void suffixRuleMatchesStemAndNumber() {
        ResourcePairing p = ResourcePairing.RULES_ONLY;
        assertThat(p.storageOf("ALPHA_LD2", GENS)).isEqualTo("ALPHA_UNIT2");
        assertThat(p.storageOf("ALPHA_LD1", GENS)).isEqualTo("ALPHA_UNIT1");
        assertThat(p.storageOf("BETA_LD1", GENS)).isEqualTo("BETA_BESS1");
        assertThat(p.storageOf("GAMMA_LD", GENS)).isEqualTo("GAMMA_ESS");
    }

    @Test
    void prefixRuleNeedsExactlyOneCandidate() {
        ResourcePairing p = ResourcePairing.RULES_ONLY;
        // No suffix match; the prefix DELTA names one PWRSTR.
        assertThat(p.storageOf("DELTA_CLR1", GENS)).isEqualTo("DELTA_STORAGE");
        // ALPHA has two PWRSTRs and no suffix match for LD3: ambiguous, not paired.
        assertThat(p.storageOf("ALPHA_LD3", GENS)).isNull();
        assertThat(p.storageOf("STEEL_MILL_LD1", GENS)).isNull();
    }

    @Test
    void overridesWinAndCanForbid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pairs.txt");
        Files.writeString(file, "# load = gen\nsteel_ld9 = ALPHA_UNIT1\n\nALPHA_LD2 = -\nALPHA_UNIT1 = NEW_ESR1\n");
        ResourcePairing p = ResourcePairing.read(file);
        assertThat(p.storageOf("STEEL_LD9", GENS)).isEqualTo("ALPHA_UNIT1");
        assertThat(p.storageOf("ALPHA_LD2", GENS)).isNull();
        assertThat(p.predecessor("NEW_ESR1", null, Map.of("ALPHA_UNIT1", "A_RN"))).isEqualTo("ALPHA_UNIT1");
        assertThat(p.namesTiedTo("ALPHA_UNIT1")).containsExactlyInAnyOrder("STEEL_LD9", "NEW_ESR1");
        assertThatThrownBy(() -> ResourcePairing.parse(List.of("A_LD1 B_UNIT1"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> ResourcePairing.parse(List.of("A = B", "A = C"))).hasMessageContaining("second time");
    }

    @Test
    void esrFollowsThePwrstrAtItsNodeElseItsPrefix() {
        ResourcePairing p = ResourcePairing.RULES_ONLY;
        Map<String, String> candidates = Map.of("OLD_UNIT1", "X_RN", "OTHER_UNIT1", "Y_RN");
        assertThat(p.predecessor("RENAMED_ESR1", "X_RN", candidates)).isEqualTo("OLD_UNIT1");
        assertThat(p.predecessor("OTHER_ESR1", null, candidates)).isEqualTo("OTHER_UNIT1");
        assertThat(p.predecessor("NEW_ESR1", "Z_RN", candidates)).isNull();
    }
}
