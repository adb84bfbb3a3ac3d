/** Plain CSS text (the banner renders into a shadow root without custom elements). */
export const bannerCss = `
  .banner {
    display: flex; align-items: center; gap: 12px;
    margin: 0 0 12px; padding: 8px 12px; border-radius: 6px;
    font: 13px/1.4 system-ui, sans-serif; border: 2px solid;
  }
  .banner.failed { background: #fdecea; color: #7f1d1d; border-color: #c62828; }
  .banner.suspicious { background: #fff4d6; color: #5c3d00; border-color: #9a6700; }
  .banner.verified { background: #e7f5eb; color: #0f5323; border-color: #1a7f37; }
  .banner.unconfigured, .banner.unverified { background: #eef1f6; color: #36415a; border-color: #5b6b8c; }
  @media (prefers-color-scheme: dark) {
    .banner.failed { background: #3b1010; color: #ffd7d4; }
    .banner.suspicious { background: #3a2c00; color: #ffe8a3; }
    .banner.verified { background: #0d2b17; color: #c7f0d2; }
    .banner.unconfigured, .banner.unverified { background: #1f2633; color: #d5dcea; }
  }
  /* The headline with its reasons under it, the button to their right. */
  .text { flex: 1 1 auto; min-width: 0; display: flex; flex-direction: column; gap: 2px; }
  button { flex: none; font: inherit; padding: 2px 10px; cursor: pointer; }
  button:focus-visible { outline: 2px solid Highlight; outline-offset: 2px; }
`;
