package io.qaexport.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HubLicenseTest {

  @Test
  void anIdTheHubListsIsAccepted() {
    assertEquals("cc-by-4.0", HubLicense.of("cc-by-4.0").id());
    assertTrue(
        HubLicense.ids()
            .containsAll(
                List.of("apache-2.0", "mit", "cc0-1.0", "cc-by-sa-4.0", "unknown", "other")));
  }

  @Test
  void aLicenseNameWrittenAsPeopleWriteItIsRefusedWithTheIdToUse() {
    var e = assertThrows(IllegalArgumentException.class, () -> HubLicense.of("CC BY 4.0"));
    assertTrue(e.getMessage().contains("'CC BY 4.0' is not a Hub license id"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean cc-by-4.0?"), e.getMessage());
  }

  @Test
  void aMadeUpIdIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> HubLicense.of("my-own-license"));
  }

  @Test
  void otherNeedsANameAndALink() {
    assertThrows(IllegalArgumentException.class, () -> HubLicense.of("other"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new HubLicense("other", Optional.of("L"), Optional.empty()));
    assertEquals("LICENSE", HubLicense.other("Vår licens", "LICENSE").link().orElseThrow());
    assertEquals(
        "https://example.org/l",
        HubLicense.other("L", "https://example.org/l").link().orElseThrow());
  }

  @Test
  void aNameAndLinkGoWithOtherOnly() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HubLicense("mit", Optional.of("MIT"), Optional.empty()));
  }

  @Test
  void aLinkIsAnHttpUrlOrAFileInTheDataset() {
    assertThrows(IllegalArgumentException.class, () -> HubLicense.other("L", "ftp://x/l"));
    assertThrows(IllegalArgumentException.class, () -> HubLicense.other("L", "../LICENSE"));
    assertThrows(IllegalArgumentException.class, () -> HubLicense.other("L", "https://"));
  }
}
