import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code of `text` as an SVG image (scales sharply to any beamer size). Rendered locally:
 * the join link never leaves the page for a QR service.
 */
export function QrCode({ text, alt, className }: { text: string; alt: string; className?: string }) {
  const [svg, setSvg] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (markup) => {
        if (!cancelled) setSvg({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}` });
      },
      () => {
        // A link too long for a QR code: the code and the link stay on screen without it.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [text]);
  if (!svg || svg.text !== text) return null;
  return <img className={className} src={svg.url} alt={alt} data-testid="join-qr" />;
}
