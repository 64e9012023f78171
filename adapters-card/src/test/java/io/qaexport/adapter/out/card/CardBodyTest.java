package io.qaexport.adapter.out.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CardBodyTest {
  @Test
  void aScoreIsShownWithThreeDecimalsUnlessTheyWouldMisstateIt() {
    assertEquals("0.850", CardBody.score(0.85));
    assertEquals("1.000", CardBody.score(1.0));
    assertEquals("0.7499", CardBody.score(0.7499), "not 0.750 under a threshold of 0.75");
    assertEquals("0.8125", CardBody.score(0.8125));
  }
}
