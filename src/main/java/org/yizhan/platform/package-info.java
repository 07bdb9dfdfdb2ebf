/**
 * Cross-cutting configuration every module relies on: the database (embedded or
 * external), security, web errors, i18n and time. A closed module: others use its root
 * and its named interfaces {@code web}, {@code security} and {@code privacy}; the
 * database set-up in {@code platform.database} is its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = { "geo" })
package org.yizhan.platform;
