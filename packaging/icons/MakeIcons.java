import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws Engram's icon (a chain of remembered moments on a rounded square) and writes it in the
 * three formats jpackage wants: engram.png (Linux), engram.ico (Windows), engram.icns (macOS).
 * Run from the repository root: {@code java packaging/icons/MakeIcons.java}. The outputs are
 * committed; run this only to change the icon.
 */
public final class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "packaging/icons");
        Files.write(dir.resolve("engram.png"), png(draw(512)));
        Map<Integer, byte[]> ico = new LinkedHashMap<>();
        for (int size : new int[] {256, 48, 32, 16}) {
            ico.put(size, png(draw(size)));
        }
        Files.write(dir.resolve("engram.ico"), ico(ico));
        Map<String, byte[]> icns = new LinkedHashMap<>();
        icns.put("ic07", png(draw(128)));
        icns.put("ic08", png(draw(256)));
        icns.put("ic09", png(draw(512)));
        icns.put("ic10", png(draw(1024)));
        Files.write(dir.resolve("engram.icns"), icns(icns));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 512.0;
        double m = 24 * s;
        g.setPaint(new GradientPaint(0, 0, new Color(0x3b2f8f), size, size, new Color(0x0f6e8c)));
        g.fill(new RoundRectangle2D.Double(m, m, size - 2 * m, size - 2 * m, 110 * s, 110 * s));
        // Episodes linked in time order (NEXT), one of them recalled.
        double[][] nodes = {{132, 350}, {200, 220}, {300, 300}, {380, 170}};
        g.setStroke(new BasicStroke((float) Math.max(1.5, 18 * s), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i + 1 < nodes.length; i++) {
            g.draw(new Line2D.Double(nodes[i][0] * s, nodes[i][1] * s, nodes[i + 1][0] * s, nodes[i + 1][1] * s));
        }
        for (int i = 0; i < nodes.length; i++) {
            double r = (i == 2 ? 54 : 38) * s;
            g.setColor(i == 2 ? new Color(0xffd166) : Color.WHITE);
            g.fill(new Ellipse2D.Double(nodes[i][0] * s - r, nodes[i][1] * s - r, 2 * r, 2 * r));
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO file with PNG-compressed images (Windows Vista and later). */
    static byte[] ico(Map<Integer, byte[]> images) {
        int offset = 6 + 16 * images.size();
        int total = offset + images.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (Map.Entry<Integer, byte[]> image : images.entrySet()) {
            int size = image.getKey();
            buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
            buffer.putShort((short) 1).putShort((short) 32).putInt(image.getValue().length).putInt(offset);
            offset += image.getValue().length;
        }
        images.values().forEach(buffer::put);
        return buffer.array();
    }

    /** An ICNS file with PNG entries. */
    static byte[] icns(Map<String, byte[]> images) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        int total = 8 + images.values().stream().mapToInt(b -> 8 + b.length).sum();
        out.writeBytes("icns");
        out.writeInt(total);
        for (Map.Entry<String, byte[]> image : images.entrySet()) {
            out.writeBytes(image.getKey());
            out.writeInt(8 + image.getValue().length);
            out.write(image.getValue());
        }
        return bytes.toByteArray();
    }
}
