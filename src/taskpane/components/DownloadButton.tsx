/** In the browser, where nothing saves itself: the button that downloads the workbook as it now is. */
import { Button } from "@fluentui/react-components";
import { ArrowDownload20Regular } from "@fluentui/react-icons";
import { Loaded } from "../use-session";

async function saveFile(loaded: Loaded, suffix: string): Promise<void> {
  if (!loaded.workbook.download) return;
  const blob = await loaded.workbook.download();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = loaded.workbook.title.replace(/\.xlsx$/i, "") + suffix;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Nothing in Excel, which keeps the workbook itself. */
export function DownloadButton({ loaded, suffix }: { loaded: Loaded; suffix: string }) {
  if (!loaded.workbook.download) return null;
  return (
    <Button icon={<ArrowDownload20Regular />} onClick={() => void saveFile(loaded, suffix)}>
      Download the workbook
    </Button>
  );
}
