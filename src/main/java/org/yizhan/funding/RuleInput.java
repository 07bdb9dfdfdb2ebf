package org.yizhan.funding;

/**
 * A rule as it comes from a form or a request, every field as typed, so that each is read
 * strictly and refused by name: amounts in yuan with at most two decimals.
 */
public record RuleInput(String union, String kind, String name, String year, String amount, String budget) {
}
