/* EPUBCheck on several EPUBs in one Java process: the validator's schemas
   are loaded once, not once per book. Arguments: pairs of "book.epub
   report.json"; each report is EPUBCheck's own JSON. */
public class EpubCheckAll {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new com.adobe.epubcheck.tool.EpubChecker().run(new String[] {args[i], "--json", args[i + 1]});
        }
    }
}
