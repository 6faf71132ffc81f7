/** The content-hash payload registry on Redis, shared by collectors on different machines. */
package dev.pmp.dedup.redis;
