/**
 * The pane follows its surroundings: Excel's Office theme (Office.context.officeTheme) inside
 * Excel, the browser's prefers-color-scheme outside, and forced colours (Windows high contrast)
 * everywhere. Fluent's themes carry every colour; components use tokens, never literal colours.
 */
import { useSyncExternalStore } from "react";
import { type Theme, teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { PaneMode } from "../context";

export type ThemeName = "light" | "dark" | "contrast";

export const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme };

/** Relative luminance (0 black … 1 white) of "#rrggbb" / "rrggbb"; null when unreadable. */
export function luminance(color: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255);
}

/** Excel's theme (its body background decides): dark below mid-grey, else light; null when Excel says nothing. */
export function themeFromOffice(officeTheme: { bodyBackgroundColor?: string } | undefined | null): ThemeName | null {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  if (l === null) return null;
  return l < 0.18 ? "dark" : "light";
}

function media(query: string): MediaQueryList | null {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(query) : null;
}

function currentTheme(mode: PaneMode): ThemeName {
  if (media("(forced-colors: active)")?.matches) return "contrast";
  if (mode === "office") {
    const office = (globalThis as { Office?: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } }).Office;
    const t = themeFromOffice(office?.context?.officeTheme);
    if (t) return t;
  }
  return media("(prefers-color-scheme: dark)")?.matches ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const lists = [media("(prefers-color-scheme: dark)"), media("(forced-colors: active)")].filter((x): x is MediaQueryList => !!x);
  for (const l of lists) l.addEventListener?.("change", onChange);
  return () => {
    for (const l of lists) l.removeEventListener?.("change", onChange);
  };
}

/** The theme to use now, updated when the system scheme or forced colours change. */
export function useThemeName(mode: PaneMode): ThemeName {
  return useSyncExternalStore(
    subscribe,
    () => currentTheme(mode),
    () => "light",
  );
}
