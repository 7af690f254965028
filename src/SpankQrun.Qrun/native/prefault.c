/*
 * Runs before the .NET runtime starts in the qrun executable and pre-faults the anonymous tail of its writable
 * segment: .bss and NativeAOT's .hydrated section (about 2 MB), which the runtime fills at start-up by "rehydrating"
 * its type data. Left to demand paging, that costs one page fault per 4 KiB page (some 530 faults, 3-7 ms on a
 * virtual machine with shadow paging); one madvise(MADV_POPULATE_WRITE) maps them all in a fraction of a
 * millisecond. qrun runs once per job step, so its start-up is part of every job's latency (bench/qrun-latency).
 *
 * Only memory the runtime writes anyway is populated, and only in the executable itself. Any failure (a kernel
 * before 5.14 answers EINVAL) is ignored: the pages are then faulted in on first use, as without this file.
 * QRUN_PREFAULT=0 in the environment turns it off, to compare.
 */
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

static int populate_executable_bss(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    if (page == 0 || page == (uintptr_t)-1)
        return 1;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz)
            continue;
        /* The page holding the end of the file-backed part is mapped from the file; the rest is anonymous. */
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz + page - 1) & ~(page - 1);
        if (end > start)
            (void)madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    /* The first object dl_iterate_phdr reports is the executable: stop there. */
    return 1;
}

__attribute__((constructor)) static void spank_qrun_prefault(void)
{
    const char *setting = getenv("QRUN_PREFAULT");
    if (setting != NULL && strcmp(setting, "0") == 0)
        return;
    (void)dl_iterate_phdr(populate_executable_bss, NULL);
}
