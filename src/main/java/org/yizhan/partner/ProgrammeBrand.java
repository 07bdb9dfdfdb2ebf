package org.yizhan.partner;

/**
 * The brand a programme's stations carry, e.g. 饿了么's "一平米温暖爱心驿站".
 *
 * @param name the brand as a worker reads it beside the station's name
 * @param signText the text of the station's unified sign (统一标识)
 */
public record ProgrammeBrand(String name, String signText) {
}
