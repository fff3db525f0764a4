"""Lists a remote zip (or jar), or extracts one member, through HTTP range requests."""
import sys, io, zipfile, urllib.request
class HttpFile(io.RawIOBase):
    def __init__(self, url):
        self.url=url; self.pos=0
        r=urllib.request.urlopen(urllib.request.Request(url, method='HEAD'))
        self.size=int(r.headers['Content-Length'])
    def seekable(self): return True
    def readable(self): return True
    def tell(self): return self.pos
    def seek(self, off, whence=0):
        self.pos = off if whence==0 else (self.pos+off if whence==1 else self.size+off); return self.pos
    def read(self, n=-1):
        if n is None or n<0: n=self.size-self.pos
        if n==0 or self.pos>=self.size: return b''
        end=min(self.size, self.pos+n)-1
        req=urllib.request.Request(self.url, headers={'Range':'bytes=%d-%d'%(self.pos,end)})
        data=urllib.request.urlopen(req).read(); self.pos+=len(data); return data
    def readinto(self, b):
        d=self.read(len(b)); b[:len(d)]=d; return len(d)
url=sys.argv[1]
z=zipfile.ZipFile(io.BufferedReader(HttpFile(url), buffer_size=1<<20))
if len(sys.argv)==2:
    for i in z.infolist(): print(i.file_size, i.compress_size, i.filename)
else:
    # range_zip.py URL MEMBER OUTDIR: fetch one member, reading only its byte range.
    z.extract(sys.argv[2], sys.argv[3])
