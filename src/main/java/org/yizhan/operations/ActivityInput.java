package org.yizhan.operations;

import java.util.List;

/**
 * An activity as the console's form and the API send it.
 *
 * @param union the publishing union's code (default the caller's)
 * @param kind an {@link ActivityKind}
 * @param title 1–60 characters
 * @param description optional, at most 500 characters
 * @param startsOn the first day, ISO ({@code 2026-07-01}), today or later
 * @param endsOn the last day, on or after the first, at most 366 days later
 * @param stations the stations, by code ({@code 330106-0001}) or id: 1–500, each in the
 * union's subtree
 */
public record ActivityInput(String union, String kind, String title, String description, String startsOn, String endsOn,
		List<String> stations) {

}
