package io.fs3.server.xml;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The AccessControlPolicy document of Get/PutBucketAcl and Get/PutObjectAcl, read and written with StAX
 * because grantees carry an {@code xsi:type} attribute that clients look up by that exact prefixed name.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketAcl.html
 */
public final class AccessControlPolicyXml {
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    /** One grant as on the wire: xsi:type (CanonicalUser, Group, AmazonCustomerByEmail) and its identifier. */
    public record GrantXml(String type, String id, String uri, String email, String permission) {
    }

    /** The parsed document: the owner's ID (null if absent) and the grants in document order. */
    public record Document(String ownerId, List<GrantXml> grants) {
    }

    private AccessControlPolicyXml() {
    }

    public static byte[] write(Owner owner, List<GrantXml> grants) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("AccessControlPolicy");
            w.writeDefaultNamespace(S3Xml.NAMESPACE);
            w.writeStartElement("Owner");
            text(w, "ID", owner.id());
            text(w, "DisplayName", owner.displayName());
            w.writeEndElement();
            w.writeStartElement("AccessControlList");
            for (GrantXml g : grants) {
                w.writeStartElement("Grant");
                w.writeStartElement("Grantee");
                w.writeNamespace("xsi", XSI);
                w.writeAttribute("xsi", XSI, "type", g.type());
                if (g.uri() != null) {
                    text(w, "URI", g.uri());
                } else {
                    text(w, "ID", g.id());
                    text(w, "DisplayName", g.id());
                }
                w.writeEndElement();
                text(w, "Permission", g.permission());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write AccessControlPolicy", e);
        }
        return out.toByteArray();
    }

    /** Parses a request body; anything that is not an AccessControlPolicy is MalformedACLError. */
    public static Document parse(byte[] xml) {
        try {
            XMLStreamReader r = INPUT.createXMLStreamReader(new ByteArrayInputStream(xml));
            if (r.nextTag() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("AccessControlPolicy")) {
                throw malformed();
            }
            String ownerId = null;
            List<GrantXml> grants = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "Owner" -> ownerId = ownerId(r);
                    case "AccessControlList" -> {
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            requireName(r, "Grant");
                            grants.add(grant(r));
                        }
                    }
                    default -> skip(r);
                }
            }
            return new Document(ownerId, grants);
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof S3Exception s3) {
                throw s3;
            }
            throw malformed();
        }
    }

    private static String ownerId(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            String value = r.getElementText().trim();
            if (name.equals("ID")) {
                id = value;
            }
        }
        return id;
    }

    private static GrantXml grant(XMLStreamReader r) throws XMLStreamException {
        String type = null;
        String id = null;
        String uri = null;
        String email = null;
        String permission = null;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (r.getLocalName().equals("Grantee")) {
                type = r.getAttributeValue(XSI, "type");
                while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    String value = r.getElementText().trim();
                    switch (name) {
                        case "ID" -> id = value;
                        case "URI" -> uri = value;
                        case "EmailAddress" -> email = value;
                        default -> { } // DisplayName and the like
                    }
                }
            } else if (r.getLocalName().equals("Permission")) {
                permission = r.getElementText().trim();
            } else {
                skip(r);
            }
        }
        if (type == null || permission == null) {
            throw malformed();
        }
        return new GrantXml(type, id, uri, email, permission);
    }

    private static void requireName(XMLStreamReader r, String name) {
        if (!r.getLocalName().equals(name)) {
            throw malformed();
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static S3Exception malformed() {
        return S3Exception.of(S3Error.MALFORMED_ACL);
    }

    private static XMLInputFactory inputFactory() {
        // Request bodies come from clients: no DTDs, no external entities (XXE).
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
