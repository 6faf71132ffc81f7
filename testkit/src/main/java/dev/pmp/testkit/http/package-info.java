/** A scripted loopback HTTP server for testing the fetch path without the internet. */
package dev.pmp.testkit.http;
