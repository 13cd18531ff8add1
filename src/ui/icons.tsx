/** Inline SVG icons (no icon font, no extra request). 16 px grid, currentColor. */
import type { SVGProps } from 'react';

type P = SVGProps<SVGSVGElement>;
const base = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true } as const;
const stroke = { stroke: 'currentColor', strokeWidth: 1.3, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const PlayIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M5 3.5v9l7-4.5-7-4.5Z" fill="currentColor" />
  </svg>
);
export const PauseIcon = (p: P) => (
  <svg {...base} {...p}>
    <rect x="4" y="3.5" width="2.75" height="9" rx="0.6" fill="currentColor" />
    <rect x="9.25" y="3.5" width="2.75" height="9" rx="0.6" fill="currentColor" />
  </svg>
);
export const StepBackIcon = (p: P) => (
  <svg {...base} {...p}>
    <rect x="3.5" y="4" width="1.5" height="8" rx="0.5" fill="currentColor" />
    <path d="M12 4v8L6.2 8 12 4Z" fill="currentColor" />
  </svg>
);
export const StepForwardIcon = (p: P) => (
  <svg {...base} {...p}>
    <rect x="11" y="4" width="1.5" height="8" rx="0.5" fill="currentColor" />
    <path d="M4 4v8l5.8-4L4 4Z" fill="currentColor" />
  </svg>
);
export const ToStartIcon = (p: P) => (
  <svg {...base} {...p}>
    <rect x="3" y="4" width="1.5" height="8" rx="0.5" fill="currentColor" />
    <path d="M9 4v8L5 8l4-4Zm4 0v8L9 8l4-4Z" fill="currentColor" />
  </svg>
);
export const LoopIcon = (p: P) => (
  <svg {...base} {...p}>
    <path
      d="M3 7.5V7a3 3 0 0 1 3-3h6.5m0 0L10.5 2m2 2-2 2M13 8.5V9a3 3 0 0 1-3 3H3.5m0 0 2 2m-2-2 2-2"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
export const DownloadIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M8 2.5v7.5m0 0L5 7m3 3 3-3M3 12.5h10" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
export const FrameIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M2.5 5.5v-3h3m5 0h3v3m0 5v3h-3m-5 0h-3v-3" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    <circle cx="8" cy="8" r="1.6" fill="currentColor" />
  </svg>
);
export const BonesIcon = (p: P) => (
  <svg {...base} {...p}>
    <circle cx="8" cy="3" r="1.4" fill="currentColor" />
    <path d="M8 4.5v5M8 9.5l-2.5 4M8 9.5l2.5 4M4 6.5h8" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
  </svg>
);
export const GridIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M2 6h12M2 10h12M6 2v12M10 2v12" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" />
  </svg>
);
export const XIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M4.5 4.5l7 7m0-7-7 7" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
export const DiceIcon = (p: P) => (
  <svg {...base} {...p}>
    <rect x="2.5" y="2.5" width="11" height="11" rx="2.5" stroke="currentColor" strokeWidth="1.3" />
    <circle cx="5.5" cy="5.5" r="1" fill="currentColor" />
    <circle cx="8" cy="8" r="1" fill="currentColor" />
    <circle cx="10.5" cy="10.5" r="1" fill="currentColor" />
  </svg>
);
export const RetryIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v2.5h-2.5" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);
export const SparkIcon = (p: P) => (
  <svg {...base} {...p}>
    <path d="M8 1.5l1.6 4.2L14 7.3l-4.4 1.6L8 13.5 6.4 8.9 2 7.3l4.4-1.6L8 1.5Z" fill="currentColor" />
  </svg>
);
export const StarIcon = ({ filled, ...p }: P & { filled?: boolean }) => (
  <svg {...base} {...p}>
    <path
      d="M8 1.8l1.85 3.9 4.25.5-3.15 2.9.85 4.2L8 11.2l-3.8 2.1.85-4.2L1.9 6.2l4.25-.5L8 1.8Z"
      stroke="currentColor"
      strokeWidth="1.2"
      strokeLinejoin="round"
      fill={filled ? 'currentColor' : 'none'}
    />
  </svg>
);
export const SearchIcon = (p: P) => (
  <svg {...base} {...p}>
    <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.4" />
    <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);
export const MoreIcon = (p: P) => (
  <svg {...base} {...p}>
    <circle cx="3.5" cy="8" r="1.2" fill="currentColor" />
    <circle cx="8" cy="8" r="1.2" fill="currentColor" />
    <circle cx="12.5" cy="8" r="1.2" fill="currentColor" />
  </svg>
);

// Viewport toolbar and player icons.
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
