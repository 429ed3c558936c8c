// Runs axe-core (WCAG 2.0/2.1 A and AA rules, and best practices) in Debian's
// chromium against every .html page in a directory, and fails on any serious
// or critical violation. The pages keep their strict CSP; only the test's own
// injection of axe bypasses it (bypassCSP), as a browser extension would.
//   node axe.mjs PAGES_DIR
import { chromium } from "playwright-core";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
const axeSource = readFileSync(new URL("./node_modules/axe-core/axe.min.js", import.meta.url), "utf8");
const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox"], // root in CI containers; the pages are our own
});
const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
let failures = 0;
let pages = 0;
for (const name of readdirSync(dir).filter((file) => file.endsWith(".html")).sort()) {
    const page = await context.newPage();
    await page.route("**/*", (route) => route.abort()); // the pages load nothing; neither may we
    await page.setContent(readFileSync(join(dir, name), "utf8"));
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
        window.axe.run(document, {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        }));
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const minor = result.violations.length - bad.length;
    const minorIds = result.violations.filter((v) => !bad.includes(v)).map((v) => `${v.impact} ${v.id}`);
    console.log(`${name}: ${result.passes.length} rules pass, ${bad.length} serious or critical, ` +
        `${minor} minor${minor ? ` (${minorIds.join(", ")})` : ""}`);
    for (const violation of bad) {
        console.log(`  ${violation.impact}: ${violation.id}: ${violation.help}`);
        for (const node of violation.nodes.slice(0, 3))
            console.log(`    ${node.target.join(" ")}`);
    }
    failures += bad.length;
    pages += 1;
    await page.close();
}
await browser.close();
console.log(`axe: ${pages} pages, ${failures} serious or critical violations`);
process.exit(failures === 0 && pages > 0 ? 0 : 1);
