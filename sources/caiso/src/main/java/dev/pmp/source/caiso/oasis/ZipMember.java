package dev.pmp.source.caiso.oasis;

import java.util.Objects;

/**
 * One file of an OASIS zip, inflated and CRC-checked.
 *
 * @param name the member's name inside the zip ({@code 20250901_20250902_PRC_LMP_DAM_v12.csv})
 * @param bytes the member's content; not copied (the reader hands out a fresh array per member)
 */
public record ZipMember(String name, byte[] bytes) {
    public ZipMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
    }

    /** Whether the member is an XML document (OASIS' error answer) rather than a CSV report. */
    public boolean isXml() {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xml");
    }
}
