/** Icons for the viewport toolbar and the player (same 16 px grid and style as ui/icons.tsx). */
import type { SVGProps } from 'react';

type P = SVGProps<SVGSVGElement>;
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true } as const;
const stroke = { stroke: 'currentColor', strokeWidth: 1.3, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const WireframeIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M8 2 13.5 5v6L8 14 2.5 11V5L8 2Zm0 0v12M2.5 5 13.5 11M13.5 5 2.5 11" {...stroke} />
  </svg>
);
export const TrailIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M2.5 13c2-1 2.5-4 5-4.5S11 9 13.5 3" {...stroke} strokeDasharray="1.6 1.8" />
    <circle cx="13.5" cy="3" r="1.4" fill="currentColor" />
  </svg>
);
export const FootprintsIcon = (p: P) => (
  <svg {...base} {...p}>
    <ellipse cx="5" cy="10.5" rx="1.8" ry="2.8" fill="currentColor" opacity="0.9" />
    <ellipse cx="11" cy="5.5" rx="1.8" ry="2.8" fill="currentColor" opacity="0.55" />
  </svg>
);
export const ShadowIcon = (p: P) => (
  <svg {...base} {...p}>
    <circle cx="8" cy="6" r="3" {...stroke} />
    <ellipse cx="8" cy="13" rx="5" ry="1.4" fill="currentColor" opacity="0.6" />
  </svg>
);
export const InPlaceIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M8 2.5v11M4.5 13.5h7" {...stroke} />
    <path d="M5 6.5 8 4l3 2.5" {...stroke} />
    <circle cx="8" cy="10" r="1.3" fill="currentColor" />
  </svg>
);
export const OpenFileIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M3 13.5V3.5a1 1 0 0 1 1-1h5l3 3v8a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1Z" {...stroke} />
    <path d="M8 7v4.5M6 9.5l2 2 2-2" {...stroke} />
  </svg>
);
export const PingPongIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M3 5.5h9.5m0 0-2-2m2 2-2 2M13 10.5H3.5m0 0 2-2m-2 2 2 2" {...stroke} />
  </svg>
);
export const OnceIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M2.5 8h9m0 0-2.5-2.5M11.5 8 9 10.5M13.5 4v8" {...stroke} />
  </svg>
);
