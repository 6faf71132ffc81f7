package dev.pmp.source.caiso.oasis;

import dev.pmp.spi.Failure;
import dev.pmp.spi.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code m:ERROR} of an OASIS {@code OASISReport} document, which OASIS zips up instead of a CSV
 * (with HTTP 200) when it has nothing to give.
 *
 * @param code the {@code ERR_CODE}: 1000 no data, 1004 window too long, 1015 still being built
 * @param description the {@code ERR_DESC}, as OASIS wrote it
 */
public record OasisError(int code, String description) {

    /** "No data returned for the specified selection". */
    public static final int NO_DATA = 1000;
    /** "Data can be requested for period of 31 days only". */
    public static final int WINDOW_TOO_LONG = 1004;
    /** "GroupZip DownLoad is in Processing": poll again later. */
    public static final int IN_PROCESSING = 1015;

    public OasisError {
        Objects.requireNonNull(description, "description");
    }

    /**
     * Reads the error of an {@code OASISReport} XML document. The parser refuses a {@code DOCTYPE} and
     * never resolves external entities, schemas or stylesheets, so a hostile document cannot make it
     * read files or the network.
     *
     * @param where the member name, for messages
     * @throws SourceException {@link Failure#BAD_DATA} when the document is not well-formed, carries a
     *     {@code DOCTYPE}, or holds no {@code ERR_CODE} (OASIS' XML report format is not read: ask for
     *     {@code resultformat=6})
     */
    public static OasisError read(byte[] xml, String where) throws SourceException {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // Fail with the exception instead of printing "[Fatal Error]" lines to stderr.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            document = builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new SourceException(Failure.BAD_DATA, "OASIS XML " + where + " refused: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        String code = text(document, "ERR_CODE");
        if (code == null) {
            throw new SourceException(Failure.BAD_DATA, "OASIS XML " + where + " holds no ERR_CODE: this reader "
                    + "takes CSV reports (resultformat=6), not the XML report format");
        }
        String description = text(document, "ERR_DESC");
        try {
            return new OasisError(Integer.parseInt(code.strip()), description == null ? "" : description.strip());
        } catch (NumberFormatException e) {
            throw new SourceException(Failure.BAD_DATA, "OASIS XML " + where + " has a non-numeric ERR_CODE \""
                    + code.strip() + "\"");
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }

    private static String text(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            return null;
        }
        Node node = nodes.item(0);
        return node.getTextContent();
    }
}
