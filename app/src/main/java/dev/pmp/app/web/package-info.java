/** The web dashboard, its JSON API, {@code /metrics} and {@code /health}, served by the JDK's HTTP server. */
package dev.pmp.app.web;
