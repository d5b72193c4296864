import { icon } from '../../ui/icons';

/** Decorative line icons for capture and review (their meaning is always in a label next to them). */
export const IconUpload = icon(
  <>
    <path d="M12 16V4M7 9l5-5 5 5" />
    <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
  </>,
);
export const IconX = icon(<path d="M6 6l12 12M18 6L6 18" />);
export const IconSearch = icon(
  <>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4.5 4.5" />
  </>,
);
export const IconDownload = icon(
  <>
    <path d="M12 4v12M7 11l5 5 5-5" />
    <path d="M4 20h16" />
  </>,
);
export const IconMail = icon(
  <>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6 8.5-6" />
  </>,
);
export const IconFile = icon(
  <>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
  </>,
);
export const IconCopy = icon(
  <>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </>,
);
export const IconArrowLeft = icon(<path d="M19 12H5M11 18l-6-6 6-6" />);
export const IconWarning = icon(
  <>
    <path d="M12 3l9.5 17h-19z" />
    <path d="M12 10v4M12 17h.01" />
  </>,
);
export const IconFilter = icon(<path d="M4 5h16l-6 7.5V19l-4 1.5v-8z" />);
